import { describe, expect, it, vi } from 'vitest';
import { wrap } from '../../lib/audit/format-text';
import { Progress, useColour, type OutputStream } from '../../lib/audit/terminal';

class Screen implements OutputStream {
  writes: string[] = [];
  constructor(readonly isTTY: boolean, readonly columns = 80) {}
  write(text: string) {
    this.writes.push(text);
    return true;
  }
}

describe('colour', () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, true],
    [false, { FORCE_COLOR: '1' }, true],
    [false, { FORCE_COLOR: '0' }, false],
    [true, { FORCE_COLOR: '1', NO_COLOR: '1' }, false],
  ])('on a terminal: %s, with %j: %s', (isTTY, env, expected) => {
    expect(useColour(new Screen(isTTY), env)).toBe(expected);
  });
});

describe('the progress line', () => {
  it('draws on a terminal after half a second, at most every 100 ms, and clears itself', () => {
    let now = 0;
    const screen = new Screen(true, 30);
    const progress = new Progress(screen, (done, total) => `Auditing ${done}/${total} files, a long line here`, 9, 0, () => now);
    progress.update(1);
    now = 499;
    progress.update(2);
    expect(screen.writes).toEqual([]);
    now = 500;
    progress.update(3);
    now = 550;
    progress.update(4);
    now = 600;
    progress.update(5);
    progress.done();
    // Cut to the terminal's width, less one column, so that it never wraps.
    expect(screen.writes).toEqual(['\r\u001B[2KAuditing 3/9 files, a long li', '\r\u001B[2KAuditing 5/9 files, a long li', '\r\u001B[2K']);
  });

  it('moves while one large file is linted: a timer redraws the elapsed time every second, and stops with it', () => {
    vi.useFakeTimers();
    try {
      let now = 0;
      const screen = new Screen(true, 80);
      const progress = new Progress(screen, (done, total, seconds) => `Auditing ${done}/${total} files · ${seconds} s`, 2, 0, () => now);
      progress.start();
      progress.update(1);
      // No file finishes for three seconds: the line still moves.
      for (const at of [1000, 2000, 3000]) {
        now = at;
        vi.advanceTimersByTime(1000);
      }
      progress.done();
      now = 4000;
      vi.advanceTimersByTime(5000);
      expect(screen.writes).toEqual([
        '\r\u001B[2KAuditing 1/2 files · 1 s',
        '\r\u001B[2KAuditing 1/2 files · 2 s',
        '\r\u001B[2KAuditing 1/2 files · 3 s',
        '\r\u001B[2K',
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('writes nothing off a terminal', () => {
    let now = 0;
    const pipe = new Screen(false);
    const progress = new Progress(pipe, () => 'x', 1, 0, () => now);
    now = 10_000;
    progress.update(1);
    progress.done();
    expect(pipe.writes).toEqual([]);
  });
});

describe('wrapping', () => {
  it('breaks at spaces within the width, with a hanging indent', () => {
    expect(wrap('aaa bbb ccc ddd', 2, 10, 4)).toEqual(['  aaa bbb', '    ccc', '    ddd']);
  });

  it('keeps a word longer than the width whole, and counts wide characters as two columns', () => {
    expect(wrap('https://open.feishu.cn/document/a x', 0, 10)).toEqual(['https://open.feishu.cn/document/a', 'x']);
    expect(wrap('外部群外部 群', 0, 11)).toEqual(['外部群外部', '群']);
  });

  it('breaks Chinese text between characters, never before a closing or after an opening mark', () => {
    expect(wrap('请迁移到甲乙，并开启', 0, 10)).toEqual(['请迁移到甲', '乙，并开启']);
    expect(wrap('甲乙丙丁（戊）', 0, 8)).toEqual(['甲乙丙丁', '（戊）']);
    expect(wrap('自 2025-06-25 起，错误码 232102', 0, 18)).toEqual(['自 2025-06-25 起，', '错误码 232102']);
  });

  it('keeps runs of spaces inside a line', () => {
    expect(wrap('232102  Legacy', 0, 80)).toEqual(['232102  Legacy']);
  });

  it('does not count colour codes as columns', () => {
    expect(wrap('\u001B[1mabc\u001B[22m def', 0, 7)).toEqual(['\u001B[1mabc\u001B[22m def']);
  });
});

/** When the restrictions took effect (external-chat-facts.md §1). */
export const CUT_OVER = {
  /** Store apps, and self-built apps without linked organizations. */
  default: '2025-06-25',
  /** Self-built apps with linked-organization sharing (关联组织应用共享) on. */
  linkedOrganization: '2025-07-23',
} as const;

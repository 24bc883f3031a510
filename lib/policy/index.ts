export { appKindOf, type AppKind } from './app-kind';
export * from './notice-policy';
export { fillTemplate } from './template';

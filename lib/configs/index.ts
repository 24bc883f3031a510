export { flatRecommended, legacyRecommended } from './recommended';

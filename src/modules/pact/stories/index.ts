// The pact's stories of what goes well and where dilemmas are.
export { storyRoutes } from './routes.tsx';

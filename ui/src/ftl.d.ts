/** A Fluent file's messages, parsed when the UI is built (`fluentMessages` in
 * vite.config.ts): their JSON. */
declare module "*.ftl" {
  const messages: string;
  export default messages;
}

/// <reference types="astro/client" />
declare namespace App {
  interface Locals {
    /** Set by a guide page for the MDX components it renders. */
    guide?: import('./lib/guide.ts').GuideContext;
  }
}

/** A browser module bundled into one classic script, as a string to inline (src/integrations/classic-script.ts). */
declare module '*?classic' {
  const code: string;
  export default code;
}

/// <reference types="astro/client" />
declare namespace App {
  interface Locals {
    /** Set by a guide page for the MDX components it renders. */
    guide?: import('./lib/guide.ts').GuideContext;
  }
}

// The part of Eleventy's programmatic API that jianbao uses; Eleventy 3 ships no type declarations.
declare module '@11ty/eleventy' {
  export interface EleventyOptions {
    quietMode?: boolean;
    pathPrefix?: string;
    configPath?: string | false;
    config?: (config: unknown) => void | Promise<void>;
  }
  export default class Eleventy {
    constructor(input: string, output: string, options?: EleventyOptions);
    disableLogger(): void;
    write(): Promise<unknown>;
    toJSON(): Promise<{ url: string; inputPath: string; outputPath: string; content: string }[]>;
  }
}

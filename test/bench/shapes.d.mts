// Types of shapes.mjs, which the benchmark runs as plain JavaScript and the
// property tests import.

export declare const FILLS: Readonly<Record<"spaces" | "digits" | "commas" | "quotes", string>>;
export declare const LINE_KINDS: Readonly<Record<string, (run: string) => string>>;
export declare const MANY_ITEMS: Readonly<Record<string, (size: number) => string>>;
export declare const MANY_LINES: Readonly<Record<string, (size: number) => string>>;
export declare const MEMORY_SHAPES: Readonly<Record<string, (size: number) => string>>;
export declare function hostile(kind: string, fill: keyof typeof FILLS, size: number): string;

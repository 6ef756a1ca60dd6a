// Where the engine writes (and asks). A leaf module, so that the load stages and the engine that
// wires them never import each other.

export interface EngineIO {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
  /** asks a yes/no question on a terminal; absent when there is none */
  confirm?: (question: string) => Promise<boolean>;
}

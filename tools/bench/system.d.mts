// What system.mjs exports, for its importers' type check only: system.mjs is being rewritten around the service
// registry (issue 19) on another branch and stays out of checkJs until then. Delete this file once system.mjs
// carries its own JSDoc types.
import type { ChildProcess } from 'node:child_process';

export declare const REPO_ROOT: string;
export declare const DIST: string;
export declare const WEB_ROOT: string;
export declare const RESULTS_DIR: string;
export declare const KIOSK_CENTRE: string;

export declare function num(name: string, fallback: number): number;
export declare function skipBuild(output: string): boolean;
export declare function skipServerBuild(): boolean;

export interface MachineCpu {
  at: number;
  busyMs: number;
}
export declare function machineLine(): string;
export declare function machineCpu(): MachineCpu;
export declare function machineBusyPercent(before: MachineCpu, after: MachineCpu): number;

export declare class Session {
  constructor(tag?: string);
  readonly tag: string;
  aborted: boolean;
  readonly live: boolean;
  log: (line: string) => void;
  step: (line: string) => void;
  onTeardown: (name: string, fn: () => unknown, timeoutMs?: number) => void;
  cleanup: () => Promise<void>;
  checkAbort: () => void;
  run<T>(main: (session: Session) => Promise<T>): Promise<T>;
  workDir(): string;
}
export declare function runMain(session: Session, main: (session: Session) => Promise<unknown>): void;
export declare function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
): Promise<{ ok: true; value: T } | { ok: false; error: string }>;

export interface BenchStack {
  mongoUri: string;
  kafkaBrokers: string;
  external: boolean;
  startMs: number | null;
  pids: { kafka?: number | null; postgres?: number | null; ferretdb?: number | null };
  /** the throwaway stack's PostgreSQL (FerretDB's database); null on an external stack */
  postgresUrl: string | null;
}
export declare function bringUpStack(
  session: Session,
  workDir: string,
  options?: { durable?: boolean },
): Promise<BenchStack>;
export declare function runBuild(session: Session, cmd: string, args: string[]): Promise<number>;
export declare function buildServer(session: Session): Promise<number>;

export interface App {
  name: string;
  pid: number | undefined;
  child: ChildProcess;
  logFile: string;
  url: string;
  exited: boolean;
  unexpectedExit?: string;
  shutdownHung?: boolean;
  stop(): Promise<void>;
}
type Headers = Record<string, string>;
type PerApp<T> = Record<string, T>;
export declare function startApp(
  session: Session,
  name: string,
  env: Record<string, string>,
  logDir: string,
  options?: { nodeArgs?: string[] },
): App;
export declare function waitHealthy(session: Session, app: App, timeoutMs?: number): Promise<number>;

export interface Services {
  apps: App[];
  app: PerApp<App>;
  adminHeaders: Headers;
  headersFor(role: string, scope: string): Promise<Headers>;
  tApps: number;
  healthyAt: number;
}
export declare function startServices(
  session: Session,
  options: {
    stack: BenchStack;
    logDir: string;
    env?: PerApp<Record<string, string>>;
    isolate?: boolean;
    nodeArgs?: PerApp<string[]>;
    affairs?: boolean;
  },
): Promise<Services>;
export declare function startSystem(
  session: Session,
  options?: {
    builds?: (() => Promise<unknown>)[];
    env?: PerApp<Record<string, string>>;
    nodeArgs?: PerApp<string[]>;
    affairs?: boolean;
  },
): Promise<Services & { stack: BenchStack; logDir: string; cpuRoots: PerApp<number | null | undefined> }>;

/** Types for the packaging hook (plain JavaScript, loaded by electron-builder). */
export interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { appInfo: { productFilename: string }; executableName: string };
}
export declare const FUSES: Record<number, boolean>;
export declare function packedPaths(context: PackContext): { executable: string; resources: string };
export declare function missingNativeModules(resources: string, platform: string, arch: string): string[];
export default function afterPack(context: PackContext): Promise<void>;

export declare const FIND_TIMEOUT_MS: number;
export declare const TEST_TIMEOUT_MS: number;
export declare const LONG_TEST_TIMEOUT_MS: number;

import type { Server } from 'node:http';
export declare function startServer(port: number): Promise<Server>;

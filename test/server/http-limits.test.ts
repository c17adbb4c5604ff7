import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../bot/src/config.ts';
import { DEFAULT_HTTP_LIMITS } from '../../bot/src/server/http-limits.ts';

describe('the HTTP server’s limits', () => {
  it('default to headers in 10 s, a request in 30 s, keep-alive 65 s, 1,000 connections, a bot turn in 10 s', () => {
    expect(loadConfig({}).http).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 65_000,
      maxConnections: 1_000,
      botTurnTimeoutMs: 10_000,
    });
    expect(loadConfig({}).http).toEqual(DEFAULT_HTTP_LIMITS);
  });

  it('are read from the environment', () => {
    const config = loadConfig({
      HTTP_HEADERS_TIMEOUT_MS: '5000',
      HTTP_REQUEST_TIMEOUT_MS: '20000',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '125000',
      HTTP_MAX_CONNECTIONS: '50',
      BOT_TURN_TIMEOUT_MS: '8000',
    });
    expect(config.http).toEqual({
      headersTimeoutMs: 5000,
      requestTimeoutMs: 20_000,
      keepAliveTimeoutMs: 125_000,
      maxConnections: 50,
      botTurnTimeoutMs: 8000,
    });
  });

  it('refuse a value that is not a positive whole number, naming the variable', () => {
    try {
      loadConfig({ HTTP_HEADERS_TIMEOUT_MS: 'soon', HTTP_MAX_CONNECTIONS: '0', BOT_TURN_TIMEOUT_MS: '1.5' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.where).sort()).toEqual([
        'BOT_TURN_TIMEOUT_MS',
        'HTTP_HEADERS_TIMEOUT_MS',
        'HTTP_MAX_CONNECTIONS',
      ]);
    }
  });
});

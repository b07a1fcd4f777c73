package dev.eshop.launcher.engines;

import redis.embedded.RedisServer;

import java.io.IOException;

/**
 * Redis (embedded-redis). The cart's Redis is a cache in front of MySQL, so it keeps nothing on disk:
 * after a restart carts are read back from MySQL.
 */
public final class RedisEngine implements Engine {

    private final int port;
    private RedisServer server;

    public RedisEngine(int port) {
        this.port = port;
    }

    @Override
    public String name() {
        return "Redis";
    }

    @Override
    public String portSetting() {
        return "redis";
    }

    @Override
    public void start() throws IOException {
        server = RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("save \"\"")
                .setting("appendonly no")
                .setting("maxmemory 128mb")
                .setting("maxmemory-policy allkeys-lru")
                .build();
        server.start();
    }

    @Override
    public void stop() {
        if (server != null) {
            try {
                server.stop();
            }
            catch (IOException | RuntimeException ignored) {
                // embedded-redis throws from stop() even when the server went away as asked
            }
            server = null;
        }
    }
}

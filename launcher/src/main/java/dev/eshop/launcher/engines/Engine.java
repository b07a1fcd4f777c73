package dev.eshop.launcher.engines;

/** One piece of infrastructure the services need, started before them and stopped after them. */
public interface Engine {

    /** Its name in messages ("PostgreSQL"). */
    String name();

    /** The port setting it listens on ({@code postgres}), for messages about ports. */
    String portSetting();

    void start() throws Exception;

    /** Stops it; never throws (the launcher is shutting down and stops the next one). */
    void stop();
}

package dev.eshop.launcher;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Everything the launcher prints: its own lines, the services' forwarded log lines with a coloured
 * prefix, loud crash reports and the final table. Colours only on a terminal (and never with
 * {@code NO_COLOR} set).
 */
public final class Console {

    private static final String RESET = "\u001B[0m";
    private static final String BOLD = "\u001B[1m";
    private static final String RED = "\u001B[1;31m";
    private static final String GREEN = "\u001B[1;32m";
    private static final String YELLOW = "\u001B[1;33m";
    private static final List<String> PALETTE = List.of("\u001B[36m", "\u001B[35m", "\u001B[34m", "\u001B[33m",
            "\u001B[32m", "\u001B[96m", "\u001B[95m", "\u001B[94m", "\u001B[93m", "\u001B[92m", "\u001B[91m");

    private final PrintStream out;
    private final boolean colour;

    public Console(boolean colour) {
        this.out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        this.colour = colour;
    }

    public static Console forTerminal() {
        java.io.Console terminal = System.console();
        boolean colour = terminal != null && terminal.isTerminal() && System.getenv("NO_COLOR") == null;
        return new Console(colour);
    }

    /** A line of the launcher itself. */
    public void info(String message) {
        print(paint(BOLD, "[eshop]") + " " + message);
    }

    public void success(String message) {
        print(paint(GREEN, "[eshop]") + " " + paint(GREEN, message));
    }

    public void warn(String message) {
        print(paint(YELLOW, "[eshop]") + " " + paint(YELLOW, message));
    }

    /** Why the launcher stops: one line, no stack trace. */
    public void error(String message) {
        print(paint(RED, "eshop: " + message));
    }

    /** Something the person must see: a crashed service. */
    public void alarm(String message) {
        String bar = "!".repeat(Math.min(100, message.length() + 8));
        print(paint(RED, bar));
        print(paint(RED, "!!! " + message));
        print(paint(RED, bar));
    }

    /** One forwarded line of a service or engine, prefixed with its name in its own colour. */
    public void forward(String source, int colourIndex, int width, String line) {
        String prefix = String.format("%-" + width + "s |", source);
        print(paint(PALETTE.get(Math.floorMod(colourIndex, PALETTE.size())), prefix) + " " + line);
    }

    /** A duration as people read it: {@code 12.3 s}. */
    public static String seconds(java.time.Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    public void plain(String line) {
        print(line);
    }

    public String bold(String text) {
        return paint(BOLD, text);
    }

    private String paint(String code, String text) {
        return colour ? code + text + RESET : text;
    }

    private synchronized void print(String line) {
        out.println(line);
    }
}

package dev.eshop.e2e.shop;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A picture of a bank-transfer receipt, as a customer uploads one. */
public final class Receipts {

    private Receipts() {
    }

    public static byte[] png() {
        BufferedImage image = new BufferedImage(400, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 400, 240);
        graphics.setColor(Color.DARK_GRAY);
        graphics.drawString("Transfer receipt", 20, 40);
        graphics.dispose();
        try (ByteArrayOutputStream png = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The receipt as a file, for a browser's file input. */
    public static Path pngFile() {
        try {
            Path file = Files.createTempFile("receipt", ".png");
            Files.write(file, png());
            file.toFile().deleteOnExit();
            return file;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.eshop.e2e.admin;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A picture of a vehicle as an admin uploads one: a PNG file for the product form's file input. */
final class VehiclePhoto {

    private VehiclePhoto() {
    }

    static Path pngFile(String caption) {
        BufferedImage image = new BufferedImage(900, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setColor(new Color(0xDCE6F0));
        graphics.fillRect(0, 0, 900, 600);
        graphics.setColor(new Color(0x1F6F50));
        graphics.fillRoundRect(150, 260, 600, 140, 60, 60);
        graphics.fillRoundRect(280, 180, 320, 120, 80, 80);
        graphics.setColor(Color.DARK_GRAY);
        graphics.fillOval(220, 360, 120, 120);
        graphics.fillOval(560, 360, 120, 120);
        graphics.drawString(caption, 40, 560);
        graphics.dispose();
        try {
            Path file = Files.createTempFile("vehicle", ".png");
            ImageIO.write(image, "png", file.toFile());
            file.toFile().deleteOnExit();
            return file;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

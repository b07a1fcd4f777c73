package dev.eshop.launcher.demo;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The storefront's hero photo and category covers, drawn by {@link VehiclePainter} like the demo
 * pictures (nothing downloaded). They are static assets of the storefront; this writes them again:
 * {@code java -cp launcher/target/classes dev.eshop.launcher.demo.ShopPictures web/storefront/src/main/resources/static/img}.
 */
public final class ShopPictures {

    private ShopPictures() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Files.createDirectories(Paths.get(args.length > 0 ? args[0] : "."));
        jpeg(hero(), folder.resolve("hero.jpg"));
        jpeg(cover(vehicle("suv", 0x2E5E8C)), folder.resolve("category-cars.jpg"));
        jpeg(cover(vehicle("sport", 0xB3261E)), folder.resolve("category-motorcycles.jpg"));
    }

    /** A wide banner: a car and a motorcycle side by side. */
    private static BufferedImage hero() throws IOException {
        BufferedImage banner = new BufferedImage(1440, 535, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = banner.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        // Each half shows a whole vehicle picture at the banner's height, its sides trimmed evenly.
        int sourceWidth = 720 * VehiclePainter.HEIGHT / 535;
        int cropLeft = (VehiclePainter.WIDTH - sourceWidth) / 2;
        for (var part : new Object[][] {{"sedan", 0x3F6F5A, 0}, {"touring", 0x7A4B94, 720}}) {
            BufferedImage vehicle = vehicle((String) part[0], (Integer) part[1]);
            int left = (Integer) part[2];
            g.drawImage(vehicle, left, 0, left + 720, 535, cropLeft, 0, cropLeft + sourceWidth, VehiclePainter.HEIGHT, null);
        }
        g.dispose();
        return banner;
    }

    private static BufferedImage cover(BufferedImage vehicle) {
        BufferedImage cover = new BufferedImage(720, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = cover.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(vehicle, 0, 0, 720, 480, null);
        g.dispose();
        return cover;
    }

    private static BufferedImage vehicle(String style, int rgb) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(VehiclePainter.png(style, rgb)));
    }

    private static void jpeg(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam quality = writer.getDefaultWriteParam();
        quality.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        quality.setCompressionQuality(0.82f);
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), quality);
        }
        finally {
            writer.dispose();
        }
    }
}

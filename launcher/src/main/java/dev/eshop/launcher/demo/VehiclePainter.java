package dev.eshop.launcher.demo;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Draws the demo pictures: a side view of a car or a motorcycle in the vehicle's colour, with Java2D
 * vector shapes (nothing downloaded), rendered to PNG. Body styles: cars {@code sedan}, {@code coupe},
 * {@code sports}, {@code hatchback}, {@code suv}, {@code pickup}, {@code electric}; motorcycles
 * {@code sport}, {@code naked}, {@code cruiser}, {@code touring}, {@code scooter}, {@code offroad}.
 */
public final class VehiclePainter {

    public static final int WIDTH = 960;
    public static final int HEIGHT = 640;

    private static final Color TYRE = new Color(0x1C1C1E);
    private static final Color TRIM = new Color(0x2B2D31);
    private static final Color METAL = new Color(0xB8BCC2);

    private VehiclePainter() {
    }

    public static byte[] png(String style, int rgb) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            Color paint = new Color(rgb);
            background(g, paint);
            switch (style) {
                case "sport", "naked", "cruiser", "touring", "scooter", "offroad" -> motorcycle(g, style, paint);
                default -> car(g, style, paint);
            }
        }
        finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- scene

    private static void background(Graphics2D g, Color paint) {
        Color top = mix(new Color(0xEEF2F6), paint, 0.10);
        g.setPaint(new GradientPaint(0, 0, top, 0, HEIGHT * 0.78f, new Color(0xFBFBFC)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setPaint(new GradientPaint(0, HEIGHT * 0.78f, new Color(0xE3E6EA), 0, HEIGHT, new Color(0xF5F6F8)));
        g.fillRect(0, (int) (HEIGHT * 0.78f), WIDTH, HEIGHT);
        g.setColor(new Color(0xD5D9DE));
        g.setStroke(new BasicStroke(2f));
        g.draw(new Line2D.Double(0, HEIGHT * 0.78, WIDTH, HEIGHT * 0.78));
    }

    private static void shadow(Graphics2D g, double cx, double cy, double rx, double ry) {
        java.awt.geom.AffineTransform saved = g.getTransform();
        g.translate(cx, cy);
        g.scale(1, ry / rx);
        g.setPaint(new RadialGradientPaint(new Point2D.Double(0, 0), (float) rx, new float[] {0f, 0.7f, 1f},
                new Color[] {new Color(0, 0, 0, 110), new Color(0, 0, 0, 45), new Color(0, 0, 0, 0)}));
        g.fill(new Ellipse2D.Double(-rx, -rx, 2 * rx, 2 * rx));
        g.setTransform(saved);
    }

    // ---------------------------------------------------------------- cars

    /** Side-profile proportions of a car body; x as fractions of the length, heights in pixels above the ground. */
    private record Body(double length, double wheel, double clearance, double shoulder, double roof, double deckEnd,
                        double roofStart, double roofEnd, double windshieldBase, double rearWheel, double frontWheel,
                        double rearTop) {
    }

    private static Body body(String style) {
        return switch (style) {
            case "coupe" -> new Body(760, 60, 24, 112, 188, 0.12, 0.37, 0.55, 0.71, 0.19, 0.80, 0.92);
            case "sports" -> new Body(740, 58, 20, 98, 162, 0.14, 0.41, 0.55, 0.68, 0.19, 0.80, 0.95);
            case "hatchback" -> new Body(640, 58, 28, 124, 214, 0.02, 0.10, 0.56, 0.74, 0.17, 0.81, 0.90);
            case "suv" -> new Body(770, 72, 46, 160, 268, 0.02, 0.06, 0.62, 0.76, 0.18, 0.81, 0.95);
            case "pickup" -> new Body(800, 74, 52, 168, 272, 0.43, 0.45, 0.64, 0.77, 0.17, 0.82, 1.0);
            case "electric" -> new Body(760, 62, 26, 114, 192, 0.05, 0.34, 0.54, 0.72, 0.19, 0.80, 0.90);
            default -> new Body(770, 62, 28, 120, 206, 0.17, 0.33, 0.57, 0.71, 0.19, 0.80, 0.88);
        };
    }

    private static void car(Graphics2D g, String style, Color paint) {
        Body b = body(style);
        double ground = HEIGHT * 0.78 + 6;
        double x0 = (WIDTH - b.length()) / 2;
        double len = b.length();
        double x1 = x0 + len;
        double rearAxle = x0 + b.rearWheel() * len;
        double frontAxle = x0 + b.frontWheel() * len;
        double r = b.wheel();
        double sill = ground - b.clearance();
        double shoulder = ground - b.shoulder();
        double roof = ground - b.roof();

        shadow(g, WIDTH / 2.0, ground + 4, len * 0.56, 22);

        Point2D rearTop = new Point2D.Double(x0 + 4, ground - b.shoulder() * b.rearTop());
        Point2D deckEnd = new Point2D.Double(x0 + b.deckEnd() * len, shoulder - 6);
        Point2D roofStart = new Point2D.Double(x0 + b.roofStart() * len, roof);
        Point2D roofEnd = new Point2D.Double(x0 + b.roofEnd() * len, roof);
        Point2D screenBase = new Point2D.Double(x0 + b.windshieldBase() * len, shoulder - 4);
        Point2D noseTop = new Point2D.Double(x1 - 18, ground - b.shoulder() * 0.80);

        Path2D.Double shape = new Path2D.Double();
        shape.moveTo(x0 + 16, sill);
        shape.quadTo(x0 - 4, sill - 4, x0, sill - 26);
        shape.lineTo(rearTop.getX(), rearTop.getY() + 12);
        shape.quadTo(rearTop.getX(), rearTop.getY() - 6, rearTop.getX() + 22, rearTop.getY() - 8);
        shape.lineTo(deckEnd.getX() - 10, deckEnd.getY());
        if (style.equals("pickup")) {
            shape.lineTo(deckEnd.getX(), deckEnd.getY());
            shape.lineTo(roofStart.getX(), roofStart.getY() + 14);
            shape.quadTo(roofStart.getX(), roofStart.getY(), roofStart.getX() + 14, roofStart.getY());
        }
        else {
            double bend = style.equals("hatchback") || style.equals("suv") ? 0.2 : 0.5;
            shape.quadTo(deckEnd.getX() + (roofStart.getX() - deckEnd.getX()) * bend, roofStart.getY() + 6,
                    roofStart.getX() + 20, roofStart.getY());
        }
        shape.lineTo(roofEnd.getX() - 20, roofEnd.getY());
        shape.quadTo(roofEnd.getX() + 10, roofEnd.getY(), roofEnd.getX() + 30, roofEnd.getY() + 18);
        shape.lineTo(screenBase.getX(), screenBase.getY());
        shape.quadTo(noseTop.getX() - 60, screenBase.getY() + 6, noseTop.getX(), noseTop.getY());
        shape.quadTo(x1 + 6, noseTop.getY() + 6, x1, sill - 30);
        shape.quadTo(x1 + 2, sill, x1 - 20, sill);
        shape.closePath();

        g.setPaint(new GradientPaint(0, (float) roof, lighter(paint, 0.35), 0, (float) sill, darker(paint, 0.35)));
        g.fill(shape);
        // A highlight along the shoulder and a darker sill.
        g.setClip(shape);
        g.setPaint(new GradientPaint(0, (float) shoulder - 4, new Color(255, 255, 255, 90), 0, (float) shoulder + 26,
                new Color(255, 255, 255, 0)));
        g.fillRect((int) x0, (int) shoulder - 4, (int) len, 30);
        g.setColor(darker(paint, 0.5));
        g.fillRect((int) x0 - 10, (int) sill - 16, (int) len + 20, 20);
        g.setClip(null);

        // Windows, with a pillar between them.
        double belt = shoulder - 10;
        double rearBase = style.equals("pickup") ? roofStart.getX() + 12
                : interpolateX(deckEnd, roofStart, belt) + 14;
        Path2D.Double glass = new Path2D.Double();
        glass.moveTo(rearBase, belt);
        glass.lineTo(roofStart.getX() + (style.equals("pickup") ? 12 : 26), roof + 12);
        glass.lineTo(roofEnd.getX() - 10, roof + 12);
        glass.lineTo(screenBase.getX() - 22, belt);
        glass.closePath();
        g.setPaint(new GradientPaint(0, (float) roof, new Color(0x9FB4C7), 0, (float) belt, new Color(0x3E4E5E)));
        g.fill(glass);
        g.setColor(new Color(255, 255, 255, 70));
        g.setStroke(new BasicStroke(10f));
        g.draw(new Line2D.Double(roofEnd.getX() - 60, roof + 20, roofEnd.getX() - 100, belt - 6));
        double pillar = (roofStart.getX() + roofEnd.getX()) / 2 + 18;
        g.setColor(darker(paint, 0.25));
        g.setStroke(new BasicStroke(12f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        g.draw(new Line2D.Double(pillar, roof + 8, pillar - 6, belt + 2));
        g.setColor(TRIM);
        g.setStroke(new BasicStroke(3f));
        g.draw(glass);

        // Door lines and handles.
        g.setColor(darker(paint, 0.45));
        g.setStroke(new BasicStroke(2.2f));
        double frontDoor = Math.min(screenBase.getX() - 30, frontAxle - r - 14);
        g.draw(new Line2D.Double(pillar - 6, belt, pillar - 4, sill - 12));
        g.draw(new Line2D.Double(frontDoor, belt, frontDoor + 6, sill - 12));
        if (!style.equals("coupe") && !style.equals("sports") && !style.equals("pickup")) {
            g.draw(new Line2D.Double(Math.max(rearBase - 4, rearAxle + r + 10), belt, rearAxle + r + 14, sill - 12));
        }
        g.setColor(lighter(paint, 0.5));
        g.fill(new RoundRectangle2D.Double(pillar + 14, belt + 18, 30, 7, 6, 6));
        if (!style.equals("coupe") && !style.equals("sports")) {
            g.fill(new RoundRectangle2D.Double(Math.max(rearBase, rearAxle + r + 20), belt + 18, 30, 7, 6, 6));
        }
        if (style.equals("pickup")) {
            g.setColor(darker(paint, 0.5));
            g.setStroke(new BasicStroke(5f));
            g.draw(new Line2D.Double(x0 + 12, deckEnd.getY() + 4, deckEnd.getX() - 6, deckEnd.getY() + 4));
        }

        // Mirror, lights, bumpers.
        g.setColor(darker(paint, 0.2));
        g.fill(new RoundRectangle2D.Double(screenBase.getX() - 34, belt - 22, 26, 18, 8, 8));
        g.setPaint(new GradientPaint((float) x1 - 40, 0, new Color(0xFFF6D5), (float) x1, 0, new Color(0xFFFFFF)));
        g.fill(new RoundRectangle2D.Double(x1 - 44, noseTop.getY() + 6, 40, 16, 10, 10));
        g.setColor(new Color(0xC0392B));
        g.fill(new RoundRectangle2D.Double(x0 - 1, rearTop.getY() + 4, 16, 24, 6, 6));
        g.setColor(TRIM);
        g.fill(new RoundRectangle2D.Double(x1 - 70, sill - 14, 74, 12, 8, 8));
        g.fill(new RoundRectangle2D.Double(x0 - 4, sill - 14, 70, 12, 8, 8));
        if (!style.equals("electric")) {
            g.setColor(TRIM);
            g.fill(new RoundRectangle2D.Double(x1 - 16, noseTop.getY() + 30, 14, Math.max(10, sill - noseTop.getY() - 58), 6, 6));
        }

        // Wheel wells, then the wheels.
        for (double axle : new double[] {rearAxle, frontAxle}) {
            g.setColor(new Color(0x111214));
            g.fill(new Ellipse2D.Double(axle - r - 10, ground - r - r - 10, 2 * r + 20, 2 * r + 20));
            wheel(g, axle, ground - r, r, 5, style.equals("sports") || style.equals("coupe"));
        }
    }

    private static void wheel(Graphics2D g, double cx, double cy, double r, int spokes, boolean sporty) {
        g.setColor(TYRE);
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        double rim = r * 0.64;
        g.setPaint(new GradientPaint((float) (cx - rim), (float) (cy - rim), new Color(0xE9ECEF), (float) (cx + rim),
                (float) (cy + rim), new Color(0x7B8088)));
        g.fill(new Ellipse2D.Double(cx - rim, cy - rim, 2 * rim, 2 * rim));
        g.setColor(new Color(0x3A3D42));
        g.fill(new Ellipse2D.Double(cx - rim * 0.82, cy - rim * 0.82, 2 * rim * 0.82, 2 * rim * 0.82));
        g.setColor(new Color(0xCFD3D8));
        g.setStroke(new BasicStroke((float) (sporty ? r * 0.07 : r * 0.12), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        int count = sporty ? spokes * 2 : spokes;
        for (int i = 0; i < count; i++) {
            double angle = Math.PI * 2 * i / count - Math.PI / 2;
            g.draw(new Line2D.Double(cx, cy, cx + Math.cos(angle) * rim * 0.8, cy + Math.sin(angle) * rim * 0.8));
        }
        g.setColor(new Color(0x9AA0A6));
        g.fill(new Ellipse2D.Double(cx - r * 0.14, cy - r * 0.14, r * 0.28, r * 0.28));
    }

    // ---------------------------------------------------------------- motorcycles

    private static void motorcycle(Graphics2D g, String style, Color paint) {
        double ground = HEIGHT * 0.78 + 6;
        boolean scooter = style.equals("scooter");
        boolean cruiser = style.equals("cruiser");
        boolean offroad = style.equals("offroad");
        double rearR = scooter ? 74 : offroad ? 112 : cruiser ? 104 : 108;
        double frontR = scooter ? 74 : offroad ? 122 : 108;
        double rear = scooter ? 320 : 290;
        double front = scooter ? 650 : cruiser ? 720 : offroad ? 690 : 680;
        double rearY = ground - rearR;
        double frontY = ground - frontR;
        shadow(g, (rear + front) / 2, ground + 4, (front - rear) / 2 + 170, 20);

        double headX = front - (cruiser ? 120 : offroad ? 70 : 80);
        double headY = ground - (scooter ? 300 : offroad ? 370 : cruiser ? 300 : 330);
        double pivotX = scooter ? rear + 120 : 450;
        double pivotY = ground - (scooter ? 150 : offroad ? 230 : 190);

        wheelRing(g, rear, rearY, rearR, offroad, cruiser);
        wheelRing(g, front, frontY, frontR, offroad, cruiser);

        Color dark = darker(paint, 0.45);
        Stroke s = new Stroke(g);
        // Fork, from the front axle to the steering head.
        s.line(cruiser ? new Color(0xD7DBDF) : offroad ? new Color(0xD4A017) : new Color(0xA9AFB6), 16,
                front, frontY, headX, headY);
        if (!scooter) {
            // Swingarm and frame.
            s.line(new Color(0x4A4E54), 16, rear, rearY, pivotX, pivotY);
            s.line(style.equals("naked") ? new Color(0xB03A2E) : new Color(0x5D6168), 14, headX, headY + 10, pivotX, pivotY - 10);
            s.line(new Color(0x5D6168), 10, pivotX, pivotY - 10, rear + 60, pivotY - 70);
            // Engine block with fins.
            double ex = pivotX + 10;
            double ey = pivotY - 90;
            double ew = cruiser ? 170 : 150;
            g.setPaint(new GradientPaint((float) ex, (float) ey, new Color(0x9EA3A8), (float) ex, (float) (ey + 130), new Color(0x4B4F55)));
            g.fill(new RoundRectangle2D.Double(ex, ey, ew, 130, 30, 30));
            g.setColor(new Color(0x3A3D42));
            g.setStroke(new BasicStroke(3f));
            for (int i = 1; i < 6; i++) {
                g.draw(new Line2D.Double(ex + 14, ey + i * 18, ex + ew - 14, ey + i * 18));
            }
            // Exhaust.
            if (offroad) {
                s.line(new Color(0xC8CDD2), 18, ex + 40, ey + 110, rear + 20, ground - 300);
            }
            else {
                s.line(new Color(0xC8CDD2), 20, ex + 60, ey + 125, rear - 10, rearY - (cruiser ? 10 : 40));
            }
        }

        switch (style) {
            case "scooter" -> {
                Path2D.Double body = new Path2D.Double();
                body.moveTo(headX - 20, headY + 20);
                body.quadTo(headX + 30, headY + 100, front - frontR - 20, ground - 90);
                body.lineTo(pivotX + 60, ground - 60);
                body.lineTo(pivotX - 10, ground - 70);
                body.quadTo(rear - 30, ground - 120, rear - rearR - 20, ground - 170);
                body.quadTo(rear - 60, ground - 250, rear + 30, ground - 250);
                body.lineTo(pivotX + 40, ground - 230);
                body.quadTo(pivotX + 40, ground - 120, pivotX + 90, ground - 120);
                body.lineTo(headX - 50, ground - 130);
                body.quadTo(headX - 60, headY + 40, headX - 20, headY + 20);
                body.closePath();
                g.setPaint(new GradientPaint(0, (float) headY, lighter(paint, 0.35), 0, (float) ground, darker(paint, 0.3)));
                g.fill(body);
                seat(g, rear - 40, ground - 280, pivotX + 50, ground - 248, 26);
            }
            case "touring" -> {
                // Panniers and top box over the rear wheel, a big fairing with a tall screen.
                g.setColor(dark);
                g.fill(new RoundRectangle2D.Double(rear - 110, rearY - 150, 170, 120, 24, 24));
                g.fill(new RoundRectangle2D.Double(rear - 120, rearY - 250, 130, 84, 24, 24));
                tank(g, paint, pivotX + 10, headX - 10, headY + 30);
                seat(g, rear - 10, headY + 40, pivotX + 40, headY + 62, 30);
                fairing(g, paint, headX, headY, front - frontR + 20, pivotX + 10, ground - 170, true);
            }
            case "sport" -> {
                tank(g, paint, pivotX, headX - 20, headY + 40);
                tail(g, paint, pivotX, rear - 40, headY + 50);
                seat(g, rear + 30, headY + 60, pivotX + 40, headY + 70, 18);
                fairing(g, paint, headX, headY, front - frontR + 30, pivotX + 20, ground - 150, false);
            }
            case "cruiser" -> {
                Path2D.Double fender = new Path2D.Double();
                fender.append(new java.awt.geom.Arc2D.Double(rear - rearR - 16, rearY - rearR - 16, 2 * rearR + 32,
                        2 * rearR + 32, 10, 150, java.awt.geom.Arc2D.OPEN), false);
                g.setColor(paint);
                g.setStroke(new BasicStroke(22f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(fender);
                tank(g, paint, pivotX - 10, headX - 6, headY + 24);
                seat(g, rear - 20, headY + 90, pivotX + 50, headY + 80, 30);
                s.line(new Color(0xD7DBDF), 9, headX, headY, headX - 70, headY - 60);
                headlight(g, headX + 30, headY + 20, 26);
            }
            case "offroad" -> {
                Path2D.Double beak = new Path2D.Double();
                beak.moveTo(headX - 10, headY + 60);
                beak.quadTo(front + 60, headY + 40, front + 110, headY + 110);
                beak.lineTo(headX + 30, headY + 90);
                beak.closePath();
                g.setColor(paint);
                g.fill(beak);
                tank(g, paint, pivotX - 10, headX - 10, headY + 50);
                tail(g, paint, pivotX - 20, rear - 90, headY + 60);
                seat(g, rear - 10, headY + 56, pivotX + 60, headY + 62, 16);
                g.setColor(new Color(0xF8F9F9));
                g.fill(new RoundRectangle2D.Double(headX + 10, headY + 10, 60, 70, 14, 14));
            }
            default -> {
                tank(g, paint, pivotX, headX - 20, headY + 34);
                tail(g, paint, pivotX + 10, rear - 20, headY + 50);
                seat(g, rear + 10, headY + 56, pivotX + 40, headY + 64, 22);
                headlight(g, headX + 34, headY + 34, 30);
            }
        }
        // Handlebar.
        if (!style.equals("cruiser")) {
            s.line(new Color(0x2B2D31), 9, headX - 6, headY, headX - 46, headY - (scooter ? 20 : 30));
        }
    }

    private static void wheelRing(Graphics2D g, double cx, double cy, double r, boolean knobby, boolean wire) {
        g.setColor(TYRE);
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        if (knobby) {
            g.setStroke(new BasicStroke(1f));
            for (int i = 0; i < 36; i++) {
                double a = Math.PI * 2 * i / 36;
                double kx = cx + Math.cos(a) * (r + 4);
                double ky = cy + Math.sin(a) * (r + 4);
                g.fill(new Ellipse2D.Double(kx - 7, ky - 7, 14, 14));
            }
        }
        double rim = r * 0.74;
        g.setColor(new Color(0xF2F3F4));
        g.fill(new Ellipse2D.Double(cx - rim, cy - rim, 2 * rim, 2 * rim));
        g.setColor(new Color(0xE9ECEF));
        g.fill(new Ellipse2D.Double(cx - rim + 8, cy - rim + 8, 2 * rim - 16, 2 * rim - 16));
        g.setColor(METAL);
        int spokes = wire ? 28 : knobby ? 32 : 5;
        g.setStroke(new BasicStroke(wire || knobby ? 2f : 9f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < spokes; i++) {
            double a = Math.PI * 2 * i / spokes;
            g.draw(new Line2D.Double(cx + Math.cos(a) * 10, cy + Math.sin(a) * 10, cx + Math.cos(a) * (rim - 8),
                    cy + Math.sin(a) * (rim - 8)));
        }
        g.setColor(new Color(0x7B8088));
        g.fill(new Ellipse2D.Double(cx - 22, cy - 22, 44, 44));
        g.setColor(new Color(0xB0B5BA));
        g.setStroke(new BasicStroke(3f));
        g.draw(new Ellipse2D.Double(cx - r * 0.45, cy - r * 0.45, r * 0.9, r * 0.9));
    }

    private static void tank(Graphics2D g, Color paint, double from, double to, double top) {
        Path2D.Double tank = new Path2D.Double();
        tank.moveTo(from, top + 30);
        tank.quadTo(from + 20, top - 12, (from + to) / 2, top - 14);
        tank.quadTo(to + 10, top - 14, to + 10, top + 26);
        tank.quadTo((from + to) / 2 + 40, top + 78, from, top + 30);
        tank.closePath();
        g.setPaint(new GradientPaint(0, (float) top - 14, lighter(paint, 0.45), 0, (float) top + 70, darker(paint, 0.3)));
        g.fill(tank);
        g.setColor(new Color(255, 255, 255, 110));
        g.setStroke(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(from + 40, top + 4, to - 20, top - 4));
    }

    private static void tail(Graphics2D g, Color paint, double from, double to, double top) {
        Path2D.Double tail = new Path2D.Double();
        tail.moveTo(from, top + 20);
        tail.lineTo(to, top - 6);
        tail.quadTo(to - 14, top + 24, to + 10, top + 30);
        tail.lineTo(from, top + 60);
        tail.closePath();
        g.setPaint(new GradientPaint(0, (float) top, lighter(paint, 0.3), 0, (float) top + 60, darker(paint, 0.35)));
        g.fill(tail);
        g.setColor(new Color(0xC0392B));
        g.fill(new RoundRectangle2D.Double(to - 12, top - 2, 18, 10, 4, 4));
    }

    private static void seat(Graphics2D g, double rearX, double rearY, double frontX, double frontY, double thickness) {
        Path2D.Double seat = new Path2D.Double();
        seat.moveTo(rearX, rearY);
        seat.quadTo((rearX + frontX) / 2, Math.min(rearY, frontY) - 6, frontX, frontY);
        seat.lineTo(frontX, frontY + thickness);
        seat.quadTo((rearX + frontX) / 2, Math.max(rearY, frontY) + thickness, rearX, rearY + thickness);
        seat.closePath();
        g.setColor(new Color(0x1E1F22));
        g.fill(seat);
    }

    /** A front fairing from the steering head down to a belly pan, with a screen and a headlight. */
    private static void fairing(Graphics2D g, Color paint, double headX, double headY, double chinX, double bellyX,
                                double bellyY, boolean tallScreen) {
        Path2D.Double screen = new Path2D.Double();
        screen.moveTo(headX - 34, headY - 2);
        screen.quadTo(headX + 6, headY - (tallScreen ? 120 : 52), headX + 52, headY - (tallScreen ? 96 : 30));
        screen.lineTo(headX + 60, headY + 6);
        screen.closePath();
        g.setColor(new Color(0x5D7A93));
        g.fill(screen);
        Path2D.Double fairing = new Path2D.Double();
        fairing.moveTo(headX - 34, headY - 4);
        fairing.quadTo(headX + 44, headY - 20, headX + 80, headY + 26);
        fairing.quadTo(headX + 72, headY + 74, chinX, bellyY - 64);
        fairing.lineTo(bellyX + 34, bellyY);
        fairing.lineTo(bellyX - 12, bellyY - 28);
        fairing.quadTo(headX - 66, headY + 90, headX - 34, headY - 4);
        fairing.closePath();
        g.setPaint(new GradientPaint(0, (float) headY - 20, lighter(paint, 0.35), 0, (float) bellyY, darker(paint, 0.35)));
        g.fill(fairing);
        g.setColor(new Color(255, 255, 255, 90));
        g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(headX - 20, headY + 40, chinX - 10, bellyY - 80));
        g.setPaint(new GradientPaint((float) headX + 30, 0, new Color(0xFFF6D5), (float) headX + 78, 0, Color.WHITE));
        g.fill(new RoundRectangle2D.Double(headX + 34, headY + 12, 40, 16, 10, 10));
    }

    private static void headlight(Graphics2D g, double cx, double cy, double r) {
        g.setColor(new Color(0x2B2D31));
        g.fill(new Ellipse2D.Double(cx - r - 5, cy - r - 5, 2 * r + 10, 2 * r + 10));
        g.setPaint(new RadialGradientPaint(new Point2D.Double(cx + r / 3, cy - r / 3), (float) r,
                new float[] {0f, 1f}, new Color[] {Color.WHITE, new Color(0xF7DC6F)}));
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
    }

    /** Draws thick round-capped lines. */
    private record Stroke(Graphics2D g) {
        void line(Color color, float width, double xa, double ya, double xb, double yb) {
            g.setColor(color);
            g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(xa, ya, xb, yb));
        }
    }

    // ---------------------------------------------------------------- colours

    private static double interpolateX(Point2D a, Point2D b, double y) {
        if (Math.abs(b.getY() - a.getY()) < 1e-6) {
            return a.getX();
        }
        double t = (y - a.getY()) / (b.getY() - a.getY());
        return a.getX() + Math.max(0, Math.min(1, t)) * (b.getX() - a.getX());
    }

    private static Color lighter(Color c, double amount) {
        return mix(c, Color.WHITE, amount);
    }

    private static Color darker(Color c, double amount) {
        return mix(c, Color.BLACK, amount);
    }

    private static Color mix(Color a, Color b, double amount) {
        return new Color(
                (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * amount),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * amount),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * amount));
    }
}

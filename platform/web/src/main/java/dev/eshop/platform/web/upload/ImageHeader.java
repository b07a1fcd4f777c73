package dev.eshop.platform.web.upload;

/**
 * What an image's structure says without decoding its pixels: its size, and where the image ends
 * (JPEG EOI, PNG IEND, the WebP RIFF length). Walks the container only; pixels are never touched.
 */
record ImageHeader(int width, int height, long end) {

    /** Thrown for a structure that is not a well-formed image of its type. */
    static final class MalformedImageException extends Exception {
        MalformedImageException(String message) {
            super(message, null, false, false);
        }
    }

    static ImageHeader read(ImageType type, byte[] bytes) throws MalformedImageException {
        try {
            return switch (type) {
                case JPEG -> jpeg(bytes);
                case PNG -> png(bytes);
                case WEBP -> webp(bytes);
            };
        }
        catch (IndexOutOfBoundsException e) {
            throw new MalformedImageException("the " + type + " data ends before its structure does");
        }
    }

    private static ImageHeader jpeg(byte[] b) throws MalformedImageException {
        int width = -1;
        int height = -1;
        int pos = 2; // after SOI
        while (true) {
            if (pos >= b.length) {
                throw new MalformedImageException("the JPEG has no end-of-image marker");
            }
            if ((b[pos] & 0xFF) != 0xFF) {
                throw new MalformedImageException("the JPEG has a broken segment");
            }
            while ((b[pos] & 0xFF) == 0xFF) { // fill bytes
                pos++;
            }
            int marker = b[pos++] & 0xFF;
            if (marker == 0xD9) { // EOI
                if (width < 0) {
                    throw new MalformedImageException("the JPEG has no frame header");
                }
                return new ImageHeader(width, height, pos);
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // stand-alone markers
            }
            int length = u16(b, pos);
            if (length < 2) {
                throw new MalformedImageException("the JPEG has a segment of impossible length");
            }
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame) {
                height = u16(b, pos + 3);
                width = u16(b, pos + 5);
            }
            pos += length;
            if (marker == 0xDA) { // start of scan: entropy-coded data up to the next real marker
                while (true) {
                    if (pos + 1 >= b.length) {
                        throw new MalformedImageException("the JPEG scan has no end");
                    }
                    if ((b[pos] & 0xFF) == 0xFF) {
                        int next = b[pos + 1] & 0xFF;
                        if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) {
                            break;
                        }
                    }
                    pos++;
                }
            }
        }
    }

    private static ImageHeader png(byte[] b) throws MalformedImageException {
        int pos = 8;
        int width = -1;
        int height = -1;
        boolean first = true;
        while (true) {
            long length = u32(b, pos);
            String type = new String(b, pos + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (first) {
                if (!type.equals("IHDR") || length != 13) {
                    throw new MalformedImageException("the PNG does not start with its header chunk");
                }
                width = (int) Math.min(Integer.MAX_VALUE, u32(b, pos + 8));
                height = (int) Math.min(Integer.MAX_VALUE, u32(b, pos + 12));
                first = false;
            }
            long next = pos + 12 + length;
            if (next > b.length) {
                throw new MalformedImageException("the PNG ends inside a chunk");
            }
            if (type.equals("IEND")) {
                return new ImageHeader(width, height, next);
            }
            pos = (int) next;
        }
    }

    private static ImageHeader webp(byte[] b) throws MalformedImageException {
        long end = u32le(b, 4) + 8;
        String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        int data = 20;
        return switch (chunk) {
            case "VP8 " -> {
                // frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height
                if ((b[data + 3] & 0xFF) != 0x9D || (b[data + 4] & 0xFF) != 0x01 || (b[data + 5] & 0xFF) != 0x2A) {
                    throw new MalformedImageException("the WebP frame has no start code");
                }
                yield new ImageHeader(u16le(b, data + 6) & 0x3FFF, u16le(b, data + 8) & 0x3FFF, end);
            }
            case "VP8L" -> {
                if ((b[data] & 0xFF) != 0x2F) {
                    throw new MalformedImageException("the lossless WebP has no signature");
                }
                long bits = u32le(b, data + 1);
                yield new ImageHeader((int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1, end);
            }
            case "VP8X" -> new ImageHeader(u24le(b, data + 4) + 1, u24le(b, data + 7) + 1, end);
            default -> throw new MalformedImageException("the WebP has an unknown first chunk");
        };
    }

    private static int u16(byte[] b, int pos) {
        return ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
    }

    private static long u32(byte[] b, int pos) {
        return ((long) (b[pos] & 0xFF) << 24) | ((b[pos + 1] & 0xFF) << 16) | ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
    }

    private static int u16le(byte[] b, int pos) {
        return (b[pos] & 0xFF) | ((b[pos + 1] & 0xFF) << 8);
    }

    private static int u24le(byte[] b, int pos) {
        return (b[pos] & 0xFF) | ((b[pos + 1] & 0xFF) << 8) | ((b[pos + 2] & 0xFF) << 16);
    }

    private static long u32le(byte[] b, int pos) {
        return (b[pos] & 0xFF) | ((b[pos + 1] & 0xFF) << 8) | ((b[pos + 2] & 0xFF) << 16) | ((long) (b[pos + 3] & 0xFF) << 24);
    }
}

package org.mfaplatform.totp.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitArray;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Draws a key URI as a QR code in PNG, for a phone camera to read off the screen. */
public final class QrCodeRenderer {

    /** Pixels per side: large enough for phone cameras held at arm's length. */
    public static final int SIZE = 280;

    /** Level M survives smudges and glare yet keeps modules big enough to scan easily. */
    private static final Map<EncodeHintType, Object> HINTS =
            Map.of(
                    EncodeHintType.ERROR_CORRECTION,
                    ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET,
                    StandardCharsets.UTF_8.name(),
                    EncodeHintType.MARGIN,
                    4);

    private QrCodeRenderer() {}

    public static byte[] png(String content) {
        try {
            BitMatrix matrix =
                    new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, SIZE, SIZE, HINTS);
            return png(blackAndWhite(matrix));
        } catch (WriterException e) {
            throw new IllegalArgumentException("content does not fit in a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed in memory", e);
        }
    }

    /**
     * A one-bit image filled a row of 32 pixels at a time. ZXing's {@code MatrixToImageWriter} sets
     * each of the 78,400 pixels through the colour model, which cost more than the QR code itself.
     */
    private static BufferedImage blackAndWhite(BitMatrix matrix) {
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        // The default palette of a binary image: index 0 is black, 1 is white. Its rows are packed
        // 8 pixels a byte, the leftmost in the highest bit; a BitArray keeps 32 pixels an int, the
        // leftmost in the lowest bit.
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int bytesPerRow = (width + 7) / 8;
        BitArray row = new BitArray(width);
        for (int y = 0; y < height; y++) {
            int[] words = matrix.getRow(y, row).getBitArray();
            for (int i = 0; i < bytesPerRow; i++) {
                int dark = words[i / 4] >>> (8 * (i % 4));
                pixels[y * bytesPerRow + i] = (byte) ~(Integer.reverse(dark) >>> 24);
            }
        }
        return image;
    }

    /**
     * Written in memory: {@code ImageIO.write} to a stream first copies the image into a temporary
     * file, whenever a temporary directory is there.
     */
    private static byte[] png(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(png)) {
            writer.setOutput(out);
            writer.write(image);
        } finally {
            writer.dispose();
        }
        return png.toByteArray();
    }
}

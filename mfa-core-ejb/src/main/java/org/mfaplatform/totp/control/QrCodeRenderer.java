package org.mfaplatform.totp.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

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
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return png.toByteArray();
        } catch (WriterException e) {
            throw new IllegalArgumentException("content does not fit in a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed in memory", e);
        }
    }
}

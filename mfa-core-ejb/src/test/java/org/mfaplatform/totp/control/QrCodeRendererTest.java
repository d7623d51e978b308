package org.mfaplatform.totp.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The browser test reads the QR code with zbarimg; this one only checks the PNG round trip. */
class QrCodeRendererTest {

    @Test
    void rendersPngThatDecodesToTheSameUri() throws Exception {
        String uri =
                KeyUri.totp(
                        "Acme, Inc.",
                        "a+b@example.com",
                        "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
                        TotpPolicy.defaults());

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodeRenderer.png(uri)));
        Result result =
                new QRCodeReader()
                        .decode(
                                new BinaryBitmap(
                                        new HybridBinarizer(
                                                new BufferedImageLuminanceSource(image))),
                                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE));

        assertEquals(uri, result.getText());
        assertEquals(QrCodeRenderer.SIZE, image.getWidth(), "width in pixels");
        assertEquals(
                "M",
                result.getResultMetadata()
                        .get(com.google.zxing.ResultMetadataType.ERROR_CORRECTION_LEVEL));
    }

    /** Every pixel as ZXing's own matrix has it, for a URI whose width is not a multiple of 8. */
    @Test
    void drawsEveryModuleOfTheMatrix() throws Exception {
        String uri =
                KeyUri.totp(
                        "example.com",
                        "someone.with.a.long.name@example.com",
                        "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
                        TotpPolicy.defaults());

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodeRenderer.png(uri)));
        BitMatrix matrix =
                new QRCodeWriter()
                        .encode(
                                uri,
                                BarcodeFormat.QR_CODE,
                                QrCodeRenderer.SIZE,
                                QrCodeRenderer.SIZE,
                                Map.of(
                                        EncodeHintType.ERROR_CORRECTION,
                                        ErrorCorrectionLevel.M,
                                        EncodeHintType.CHARACTER_SET,
                                        "UTF-8",
                                        EncodeHintType.MARGIN,
                                        4));

        int wrongPixels = 0;
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                boolean black = (image.getRGB(x, y) & 0xffffff) == 0;
                if (black != matrix.get(x, y)) {
                    wrongPixels++;
                }
            }
        }
        assertEquals(0, wrongPixels);
        assertEquals(1, image.getColorModel().getPixelSize(), "bits per pixel");
    }
}

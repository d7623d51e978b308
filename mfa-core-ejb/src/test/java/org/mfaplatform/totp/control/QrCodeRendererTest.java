package org.mfaplatform.totp.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
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
}

package jp.kyodo.agreement.document;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A demonstration PKI for the local stack and the tests: a CA, the city's signing key and the system's witness key
 * (立会人), each certified by that CA, written as PKCS#12 keystores and the CA as the trust anchor. A deployment
 * uses the city's official certificate and its own witness key instead; nothing signed with these proves anything
 * outside the demo.
 */
public final class DemoPki {

    public static final String CITY_KEYSTORE = "city.p12";
    public static final String WITNESS_KEYSTORE = "witness.p12";
    public static final String TRUST_ANCHORS = "trust-anchors.pem";
    public static final String PASSWORD = "demo-only";

    private DemoPki() {
    }

    /** Creates the files in {@code dir} unless they exist; returns whether it created them. */
    public static synchronized boolean ensure(Path dir, String cityName) {
        if (Files.exists(dir.resolve(CITY_KEYSTORE)) && Files.exists(dir.resolve(WITNESS_KEYSTORE))
                && Files.exists(dir.resolve(TRUST_ANCHORS))) {
            return false;
        }
        try {
            Files.createDirectories(dir);
            KeyPair ca = keyPair();
            X500Name caName = name("kyodo デモ認証局 (demo CA)", cityName);
            X509Certificate caCert = certificate(caName, caName, ca.getPublic(), ca.getPrivate(), true);
            KeyPair city = keyPair();
            X509Certificate cityCert = certificate(name(cityName + "長（デモ）", cityName), caName, city.getPublic(),
                    ca.getPrivate(), false);
            KeyPair witness = keyPair();
            X509Certificate witnessCert = certificate(name("kyodo 立会人（デモ）", cityName), caName,
                    witness.getPublic(), ca.getPrivate(), false);
            keystore(dir.resolve(CITY_KEYSTORE), "city", city.getPrivate(), cityCert, caCert);
            keystore(dir.resolve(WITNESS_KEYSTORE), "witness", witness.getPrivate(), witnessCert, caCert);
            Files.writeString(dir.resolve(TRUST_ANCHORS), pem(caCert), StandardCharsets.US_ASCII);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("could not create the demo PKI", e);
        }
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, new SecureRandom());
        return generator.generateKeyPair();
    }

    private static X500Name name(String commonName, String cityName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "JP").addRDN(BCStyle.O, cityName + "（デモ）")
                .addRDN(BCStyle.CN, commonName).build();
    }

    private static X509Certificate certificate(X500Name subject, X500Name issuer, java.security.PublicKey key,
            PrivateKey issuerKey, boolean ca) throws GeneralSecurityException, OperatorCreationException, IOException {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(ca ? 3650 : 1825))), subject, key);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
    }

    private static void keystore(Path file, String alias, PrivateKey key, X509Certificate cert, X509Certificate ca)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, key, PASSWORD.toCharArray(), new Certificate[] { cert, ca });
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
    }

    static String pem(X509Certificate cert) throws GeneralSecurityException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}

package jp.kyodo.agreement.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

/**
 * The keys documents are signed with and the certificates a signature must chain to. Per deployment: the city's
 * PKCS#12 keystore (its official certificate, or a department signatory's), the system's witness keystore
 * (立会人型: it attests a partner's approval) and the trust anchors verification accepts. With
 * {@code kyodo.documents.demo-pki=true} (the local stack and the tests) a demo CA and both keys are created in
 * {@code kyodo.documents.pki-dir} at first start.
 */
@ApplicationScoped
public class DocumentKeys {

    private static final Logger LOG = Logger.getLogger(DocumentKeys.class);

    @Inject
    DocumentsConfig config;

    private volatile SigningKey city;
    private volatile SigningKey witness;
    private volatile Set<TrustAnchor> trustAnchors;

    @Startup
    void prepare() {
        if (config.demoPki() && DemoPki.ensure(config.pkiDir(), config.cityName())) {
            LOG.infof("created the demo PKI (CA, city and witness keys) in %s", config.pkiDir().toAbsolutePath());
        }
        // The PDF renderer's first use parses a 6 MB font and loads its classes: do it now, beside the start, not
        // in the first freeze.
        Thread warmUp = new Thread(() -> {
            try {
                PdfA3.warmUp();
            } catch (RuntimeException e) {
                LOG.warn("could not warm up the PDF renderer", e);
            }
        }, "pdf-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }

    public SigningKey city() {
        if (city == null) {
            city = SigningKey.fromPkcs12(file(config.cityKeystore(), DemoPki.CITY_KEYSTORE),
                    password(config.cityKeystorePassword()), config.cityKeyAlias().orElse(null));
        }
        return city;
    }

    public SigningKey witness() {
        if (witness == null) {
            witness = SigningKey.fromPkcs12(file(config.witnessKeystore(), DemoPki.WITNESS_KEYSTORE),
                    password(config.witnessKeystorePassword()), null);
        }
        return witness;
    }

    public Set<TrustAnchor> trustAnchors() {
        if (trustAnchors == null) {
            Path file = file(config.trustAnchors(), DemoPki.TRUST_ANCHORS);
            try (InputStream in = Files.newInputStream(file)) {
                trustAnchors = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                        .map(c -> new TrustAnchor((X509Certificate) c, null)).collect(Collectors.toUnmodifiableSet());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read trust anchors " + file, e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot read trust anchors " + file, e);
            }
        }
        return trustAnchors;
    }

    private Path file(Optional<Path> configured, String demoName) {
        return configured.orElse(config.pkiDir().resolve(demoName));
    }

    private char[] password(Optional<String> configured) {
        return configured.orElse(DemoPki.PASSWORD).toCharArray();
    }
}

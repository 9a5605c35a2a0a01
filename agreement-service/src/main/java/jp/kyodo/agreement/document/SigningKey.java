package jp.kyodo.agreement.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A private key with its certificate chain (leaf first), read from a PKCS#12 keystore. */
public record SigningKey(PrivateKey privateKey, List<X509Certificate> chain) {

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The first key entry of the keystore, or the one named {@code alias}. */
    public static SigningKey fromPkcs12(Path file, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            String name = alias;
            if (name == null || name.isBlank()) {
                name = Collections.list(store.aliases()).stream().filter(a -> isKey(store, a)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no private key in " + file));
            }
            PrivateKey key = (PrivateKey) store.getKey(name, password);
            Certificate[] chain = store.getCertificateChain(name);
            if (key == null || chain == null) {
                throw new IllegalStateException("no key entry '" + name + "' in " + file);
            }
            return new SigningKey(key, Arrays.stream(chain).map(X509Certificate.class::cast).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read keystore " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read keystore " + file, e);
        }
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}

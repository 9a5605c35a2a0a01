package jp.kyodo.agreement.document;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The city that signs, its keys and the witness key (see {@link DocumentKeys}). */
@ConfigMapping(prefix = "kyodo.documents")
public interface DocumentsConfig {

    /** The city's name as it signs (記名), e.g. 横浜市. */
    @WithDefault("○○市")
    String cityName();

    /** Title of the city's representative, e.g. 横浜市長. */
    @WithDefault("○○市長")
    String cityHeadTitle();

    /** Folder of the keystores and trust anchors when no path is given for them. */
    @WithDefault(".kyodo/pki")
    Path pkiDir();

    /** Create a demo CA, city and witness key in {@link #pkiDir()} when missing (never in production). */
    @WithDefault("false")
    boolean demoPki();

    Optional<Path> cityKeystore();

    Optional<String> cityKeystorePassword();

    Optional<String> cityKeyAlias();

    Optional<Path> witnessKeystore();

    Optional<String> witnessKeystorePassword();

    /** PEM file of the CA certificates a signature must chain to. */
    Optional<Path> trustAnchors();
}

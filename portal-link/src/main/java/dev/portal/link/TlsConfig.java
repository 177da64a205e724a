package dev.portal.link;

import java.nio.file.Path;
import java.util.Optional;

/**
 * TLS material for the broker connection. Trust: a CA file (PEM or DER, one or more certificates), or a trust
 * store (PKCS12, or JKS when the file ends in .jks), else the JVM's CAs. Client authentication: a certificate
 * chain PEM with an unencrypted PKCS#8 key PEM, or a key store, else none. The broker's host name is checked
 * against its certificate.
 */
public record TlsConfig(Optional<Path> caFile, Optional<Path> certPem, Optional<Path> keyPem,
                        Optional<Path> trustStore, Optional<char[]> trustStorePassword,
                        Optional<Path> keyStore, Optional<char[]> keyStorePassword) {

    public TlsConfig {
        if (certPem.isPresent() != keyPem.isPresent()) {
            throw new IllegalArgumentException("a client certificate needs its key, and a key its certificate");
        }
    }

    /** The JVM's trusted CAs, no client certificate. */
    public static TlsConfig jvmDefaults() {
        return new TlsConfig(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Trust exactly the CA certificate(s) in {@code caFile}. */
    public static TlsConfig trusting(Path caFile) {
        return jvmDefaults().withCaFile(caFile);
    }

    public TlsConfig withCaFile(Path file) {
        return new TlsConfig(Optional.of(file), certPem, keyPem, trustStore, trustStorePassword, keyStore,
                keyStorePassword);
    }

    public TlsConfig withClientPem(Path certificateChain, Path pkcs8Key) {
        return new TlsConfig(caFile, Optional.of(certificateChain), Optional.of(pkcs8Key), trustStore,
                trustStorePassword, keyStore, keyStorePassword);
    }

    public TlsConfig withTrustStore(Path file, char[] password) {
        return new TlsConfig(caFile, certPem, keyPem, Optional.of(file), Optional.ofNullable(password), keyStore,
                keyStorePassword);
    }

    public TlsConfig withKeyStore(Path file, char[] password) {
        return new TlsConfig(caFile, certPem, keyPem, trustStore, trustStorePassword, Optional.of(file),
                Optional.ofNullable(password));
    }
}

package dev.portal.device.mqtt;

import java.nio.file.Path;
import java.util.Optional;

/**
 * TLS material: either PEM files (CA certificate(s), and for client authentication a certificate chain and a
 * PKCS#8 key) or Java key stores (PKCS12 or JKS). Trust falls back to the JDK's CAs when neither a CA file nor
 * a trust store is given.
 */
public record TlsSettings(Optional<Path> caPem, Optional<Path> certPem, Optional<Path> keyPem,
                          Optional<Path> trustStore, Optional<char[]> trustStorePassword,
                          Optional<Path> keyStore, Optional<char[]> keyStorePassword) {
}

package dev.portal.link;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a {@link TlsConfig} into the trust and key managers the client's TLS handshake uses. */
final class TlsMaterial {
    private static final Pattern KEY_PEM =
            Pattern.compile("-----BEGIN PRIVATE KEY-----(.*?)-----END PRIVATE KEY-----", Pattern.DOTALL);
    private static final char[] NO_PASSWORD = new char[0];

    private TlsMaterial() {
    }

    static TrustManagerFactory trust(TlsConfig tls) throws IOException, GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (tls.caFile().isPresent()) {
            KeyStore store = emptyStore();
            int i = 0;
            for (Certificate c : certificates(tls.caFile().get())) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            tmf.init(store);
        } else if (tls.trustStore().isPresent()) {
            tmf.init(load(tls.trustStore().get(), tls.trustStorePassword().orElse(NO_PASSWORD)));
        } else {
            tmf.init((KeyStore) null); // the JVM's CAs
        }
        return tmf;
    }

    static Optional<KeyManagerFactory> keys(TlsConfig tls) throws IOException, GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        if (tls.certPem().isPresent() && tls.keyPem().isPresent()) {
            KeyStore store = emptyStore();
            store.setKeyEntry("client", privateKey(tls.keyPem().get()), NO_PASSWORD,
                    certificates(tls.certPem().get()).toArray(new Certificate[0]));
            kmf.init(store, NO_PASSWORD);
            return Optional.of(kmf);
        }
        if (tls.keyStore().isPresent()) {
            char[] password = tls.keyStorePassword().orElse(NO_PASSWORD);
            kmf.init(load(tls.keyStore().get(), password), password);
            return Optional.of(kmf);
        }
        return Optional.empty();
    }

    private static KeyStore emptyStore() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        return store;
    }

    private static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(file.toString().endsWith(".jks") ? "JKS" : "PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }

    private static Collection<? extends Certificate> certificates(Path file)
            throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new GeneralSecurityException("no certificate in " + file);
            }
            return certs;
        }
    }

    private static PrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
        Matcher m = KEY_PEM.matcher(Files.readString(pem));
        if (!m.find()) {
            throw new GeneralSecurityException(pem + ": expected an unencrypted PKCS#8 key (BEGIN PRIVATE KEY)");
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(1).trim());
        for (String algorithm : new String[] {"EC", "RSA", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException tryNext) {
                // PKCS#8 PEM does not name the algorithm; try the ones brokers use
            }
        }
        throw new GeneralSecurityException(pem + ": the key is neither EC, RSA nor Ed25519");
    }
}

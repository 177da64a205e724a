package dev.portal.device.mqtt;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the socket factory Paho uses for ssl:// URIs from {@link TlsSettings}. */
public final class SslFactories {
    private static final Pattern KEY_PEM =
            Pattern.compile("-----BEGIN PRIVATE KEY-----(.*?)-----END PRIVATE KEY-----", Pattern.DOTALL);

    private SslFactories() {
    }

    public static SSLSocketFactory create(TlsSettings tls) throws IOException, GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (tls.caPem().isPresent()) {
            KeyStore ts = emptyStore();
            int i = 0;
            for (Certificate c : certificates(tls.caPem().get())) {
                ts.setCertificateEntry("ca" + i++, c);
            }
            tmf.init(ts);
        } else if (tls.trustStore().isPresent()) {
            tmf.init(load(tls.trustStore().get(), tls.trustStorePassword().orElse(new char[0])));
        } else {
            tmf.init((KeyStore) null);
        }
        KeyManagerFactory kmf = null;
        if (tls.certPem().isPresent() && tls.keyPem().isPresent()) {
            KeyStore ks = emptyStore();
            char[] none = new char[0];
            ks.setKeyEntry("client", privateKey(tls.keyPem().get()), none,
                    certificates(tls.certPem().get()).toArray(new Certificate[0]));
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, none);
        } else if (tls.keyStore().isPresent()) {
            char[] pw = tls.keyStorePassword().orElse(new char[0]);
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(tls.keyStore().get(), pw), pw);
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx.getSocketFactory();
    }

    private static KeyStore emptyStore() throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        return ks;
    }

    private static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        String type = file.toString().endsWith(".jks") ? "JKS" : "PKCS12";
        KeyStore ks = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password);
        }
        return ks;
    }

    private static Collection<? extends Certificate> certificates(Path pem) throws IOException,
            GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new GeneralSecurityException("no certificate in " + pem);
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
        for (String alg : new String[] {"EC", "RSA", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException tryNext) {
                // the PEM does not say the algorithm; try the ones brokers use
            }
        }
        throw new GeneralSecurityException(pem + ": key is neither EC, RSA nor Ed25519");
    }
}

/**
 * TLS for the gRPC server: a certificate and key from PEM files or a PKCS#12 keystore, turned into
 * grpc-java server credentials.
 */
package io.hfthot.adapters.grpc.tls;

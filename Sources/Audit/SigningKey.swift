import CCrypto
import Foundation

/// An Ed25519 key held by an auditor (libcrypto), in PEM files: the private key signs
/// checkpoints, the public key verifies them.
public final class SigningKey: @unchecked Sendable {
    private let key: OpaquePointer

    private init(_ key: OpaquePointer) {
        self.key = key
    }

    deinit { EVP_PKEY_free(key) }

    public static func generate() throws(AuditError) -> SigningKey {
        guard let context = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nil) else { throw .crypto("key context") }
        defer { EVP_PKEY_CTX_free(context) }
        var key: OpaquePointer?
        guard EVP_PKEY_keygen_init(context) == 1, EVP_PKEY_keygen(context, &key) == 1, let key else {
            throw .crypto("key generation")
        }
        return SigningKey(key)
    }

    /// Reads a private key (`privateKey: true`) or a public key from a PEM file.
    public static func read(pem path: String, privateKey: Bool) throws(AuditError) -> SigningKey {
        guard let file = BIO_new_file(path, "r") else { throw .file("cannot open key file \(path)") }
        defer { BIO_free(file) }
        let key = privateKey ? PEM_read_bio_PrivateKey(file, nil, nil, nil) : PEM_read_bio_PUBKEY(file, nil, nil, nil)
        guard let key, EVP_PKEY_get_id(key) == EVP_PKEY_ED25519 else {
            throw .file("\(path) holds no Ed25519 \(privateKey ? "private" : "public") key in PEM format")
        }
        return SigningKey(key)
    }

    /// Writes the private key (mode 0600) and the public key as PEM files. Refuses to replace an
    /// existing file: a replaced key orphans every checkpoint signed with it.
    public func write(privateTo privatePath: String, publicTo publicPath: String) throws(AuditError) {
        for path in [privatePath, publicPath] where FileManager.default.fileExists(atPath: path) {
            throw .file("\(path) exists; a new key would orphan the checkpoints signed with the old one")
        }
        let previous = umask(0o077)
        defer { umask(previous) }
        guard let file = BIO_new_file(privatePath, "w") else { throw .file("cannot write \(privatePath)") }
        let wrotePrivate = PEM_write_bio_PrivateKey(file, key, nil, nil, 0, nil, nil) == 1
        BIO_free(file)
        guard wrotePrivate else { throw .crypto("writing the private key") }
        umask(0o022)
        guard let publicFile = BIO_new_file(publicPath, "w") else { throw .file("cannot write \(publicPath)") }
        defer { BIO_free(publicFile) }
        guard PEM_write_bio_PUBKEY(publicFile, key) == 1 else { throw .crypto("writing the public key") }
    }

    public func sign(_ message: [UInt8]) throws(AuditError) -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { throw .crypto("signing context") }
        defer { EVP_MD_CTX_free(context) }
        var signature = [UInt8](repeating: 0, count: 64)
        var length = 64
        guard EVP_DigestSignInit(context, nil, nil, nil, key) == 1,
            EVP_DigestSign(context, &signature, &length, message, message.count) == 1
        else { throw .crypto("signing (is this a private key?)") }
        return Array(signature.prefix(length))
    }

    public func verify(_ signature: [UInt8], of message: [UInt8]) -> Bool {
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        return EVP_DigestVerifyInit(context, nil, nil, nil, key) == 1
            && EVP_DigestVerify(context, signature, signature.count, message, message.count) == 1
    }
}

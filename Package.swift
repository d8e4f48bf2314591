// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "BorderCore",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "HTTPServer", targets: ["HTTPServer"])
    ],
    targets: [
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CJansson", pkgConfig: "jansson", providers: [.apt(["libjansson-dev"])]),
        .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd", providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .target(name: "HTTPServer", dependencies: ["CMicroHTTPD"]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer"]),
    ]
)

// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "BorderCore",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "border", targets: ["border"])
    ],
    targets: [
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CJansson", pkgConfig: "jansson", providers: [.apt(["libjansson-dev"])]),
        .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd", providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CMalloc"),
        .target(name: "Locking"),
        .target(name: "Postgres", dependencies: ["CLibPQ", "Locking"]),
        .target(name: "JSON", dependencies: ["CJansson"]),
        .target(name: "BorderTime"),
        .target(name: "BorderDomain", dependencies: ["JSON", "BorderTime"]),
        .target(
            name: "EventStore",
            dependencies: ["Postgres", "JSON", "BorderTime", "CCrypto", "Locking"],
            resources: [.copy("Migrations")]
        ),
        .target(
            name: "Projections",
            dependencies: ["EventStore", "BorderDomain", "BorderTime", "Postgres", "JSON", "Snapshots"],
            path: "Projections",
            resources: [
                .copy("OfficerLookup/Migrations"), .copy("Statistics/StatisticsMigrations"),
                .copy("Delegates/DelegatesMigrations"), .copy("Delegates/commonwealth-members.csv"),
            ]
        ),
        .target(
            name: "Snapshots",
            dependencies: ["EventStore", "JSON", "Postgres"],
            path: "Snapshots",
            resources: [.copy("Migrations")]
        ),
        .target(
            name: "Audit", dependencies: ["BorderDomain", "BorderTime", "CCrypto", "EventStore", "JSON", "Postgres"],
            resources: [.copy("Migrations")]
        ),
        .target(name: "HTTPServer", dependencies: ["CMicroHTTPD", "Locking"]),
        .target(name: "HTTPClient"),
        .target(name: "DemoTraffic", dependencies: ["BorderDomain", "BorderTime"]),
        .target(
            name: "BorderAPI",
            dependencies: [
                "BorderDomain", "BorderTime", "EventStore", "HTTPServer", "JSON", "Postgres", "Projections",
                "Snapshots",
            ],
            resources: [.copy("Migrations"), .copy("openapi.json")]
        ),
        .target(
            name: "Benchmarks",
            dependencies: [
                "BorderAPI", "BorderDomain", "BorderTime", "DemoTraffic", "EventStore", "JSON", "Locking", "Postgres",
                "Projections", "Snapshots",
            ]
        ),
        .executableTarget(
            name: "border",
            dependencies: [
                "Audit", "Benchmarks", "BorderAPI", "CMalloc", "Snapshots", "DemoTraffic", "EventStore", "HTTPClient",
                "HTTPServer", "JSON", "Locking",
                "Projections",
            ]
        ),
        .target(name: "TestSupport", dependencies: ["Postgres"], path: "Tests/TestSupport"),
        .testTarget(name: "EventStoreTests", dependencies: ["EventStore", "BorderTime", "Locking", "TestSupport"]),
        .testTarget(
            name: "SnapshotTests",
            dependencies: [
                "BorderAPI", "BorderDomain", "BorderTime", "DemoTraffic", "EventStore", "Postgres", "Snapshots",
                "TestSupport",
            ]
        ),
        .testTarget(
            name: "ProjectorTests",
            dependencies: [
                "BorderDomain", "BorderTime", "DemoTraffic", "EventStore", "JSON", "Locking", "Postgres", "Projections",
                "TestSupport",
            ]
        ),
        .testTarget(
            name: "AuditTests",
            dependencies: [
                "Audit", "BorderAPI", "BorderDomain", "BorderTime", "DemoTraffic", "EventStore", "JSON", "Postgres",
                "Snapshots", "TestSupport",
            ]
        ),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPClient", "HTTPServer", "Locking"]),
        .testTarget(name: "BorderDomainTests", dependencies: ["BorderDomain", "BorderTime", "JSON"]),
        .testTarget(
            name: "BuildingBlockTests",
            dependencies: ["BorderDomain", "BorderTime", "DemoTraffic", "JSON", "Postgres", "TestSupport"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "BorderAPI", "BorderDomain", "BorderTime", "DemoTraffic", "EventStore", "HTTPClient", "JSON",
                "Locking", "Postgres", "Projections", "TestSupport",
            ]
        ),
    ]
)

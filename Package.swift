// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Voyageur",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "voyageur-worker", targets: ["voyageur-worker"]),
        .executable(name: "voyageur-enqueue", targets: ["voyageur-enqueue"]),
        .executable(name: "voyageurctl", targets: ["voyageurctl"]),
    ],
    targets: [
        // C libraries from Debian, reached through pkg-config.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),

        // Domain: the request schema, validation, results and the ports
        // (queue, result store) that the backends implement.
        .target(name: "VoyageurCore"),

        // Process plumbing shared by every executable: logging,
        // configuration, argument parsing, signals.
        .target(name: "VoyageurRuntime", dependencies: ["VoyageurCore"]),

        // Feature flags, rollout buckets and circuit breakers: pure logic.
        .target(name: "VoyageurControl", dependencies: ["VoyageurCore"]),

        // Text generation: the deterministic template writer.
        .target(name: "VoyageurGeneration", dependencies: ["VoyageurCore"]),

        // The embedded backend: queue and result store in one SQLite file.
        .target(name: "VoyageurSQLite", dependencies: ["CSQLite", "VoyageurCore", "VoyageurControl"]),

        // What a worker does with a job, and the consume/commit/ack loop.
        .target(
            name: "VoyageurPipeline",
            dependencies: ["VoyageurCore", "VoyageurControl", "VoyageurGeneration", "VoyageurRuntime"]
        ),

        // Chooses the backends named by the configured URLs.
        .target(
            name: "VoyageurDeployment",
            dependencies: ["VoyageurCore", "VoyageurControl", "VoyageurRuntime", "VoyageurSQLite"]
        ),

        .executableTarget(
            name: "voyageur-worker",
            dependencies: ["VoyageurPipeline", "VoyageurDeployment", "VoyageurRuntime"],
            path: "Sources/Worker"
        ),
        .executableTarget(
            name: "voyageur-enqueue",
            dependencies: ["VoyageurCore", "VoyageurDeployment", "VoyageurRuntime"],
            path: "Sources/Enqueue"
        ),
        .executableTarget(
            name: "voyageurctl",
            dependencies: ["VoyageurCore", "VoyageurControl", "VoyageurDeployment", "VoyageurRuntime"],
            path: "Sources/Ctl"
        ),

        .testTarget(name: "VoyageurCoreTests", dependencies: ["VoyageurCore"]),
        .testTarget(name: "VoyageurGenerationTests", dependencies: ["VoyageurGeneration", "VoyageurCore"]),
        .testTarget(
            name: "VoyageurControlTests",
            dependencies: ["VoyageurControl", "VoyageurCore"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "VoyageurRuntimeTests", dependencies: ["VoyageurRuntime"]),
        .testTarget(
            name: "VoyageurSQLiteTests",
            dependencies: ["VoyageurSQLite", "VoyageurCore", "VoyageurControl"]
        ),
        .testTarget(
            name: "VoyageurPipelineTests",
            dependencies: [
                "VoyageurPipeline", "VoyageurGeneration", "VoyageurCore", "VoyageurRuntime", "VoyageurSQLite",
            ]
        ),
        // Runs the built executables as an operator would.
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["VoyageurCore", "VoyageurControl", "VoyageurSQLite"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

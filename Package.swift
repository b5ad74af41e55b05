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

        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .systemLibrary(
            name: "CRabbitMQ",
            pkgConfig: "librabbitmq",
            providers: [.apt(["librabbitmq-dev"])]
        ),
        // Non-variadic wrappers for rabbitmq-c's variadic functions.
        .target(name: "CRabbitMQShim", dependencies: ["CRabbitMQ"]),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // One blocking HTTP exchange through libcurl, whose options are set
        // with a variadic function.
        .target(name: "CCurlShim", dependencies: ["CCurl"]),

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

        // The production backends: PostgreSQL for results and control
        // state, RabbitMQ for the queues.
        .target(
            name: "VoyageurPostgres",
            dependencies: ["CLibPQ", "VoyageurCore", "VoyageurControl"]
        ),
        .target(
            name: "VoyageurAMQP",
            dependencies: ["CRabbitMQ", "CRabbitMQShim", "VoyageurCore"]
        ),

        // LLM backends over HTTP: OpenAI-compatible and Ollama, with the
        // prompts and the quality gate.
        .target(name: "VoyageurLLM", dependencies: ["CCurlShim", "VoyageurCore", "VoyageurGeneration"]),

        // What a worker does with a job, and the consume/commit/ack loop.
        .target(
            name: "VoyageurPipeline",
            dependencies: ["VoyageurCore", "VoyageurControl", "VoyageurGeneration", "VoyageurRuntime"]
        ),

        // Chooses the backends named by the configured URLs.
        .target(
            name: "VoyageurDeployment",
            dependencies: [
                "VoyageurCore", "VoyageurControl", "VoyageurRuntime", "VoyageurSQLite", "VoyageurPostgres",
                "VoyageurAMQP", "VoyageurLLM", "VoyageurGeneration",
            ]
        ),

        .executableTarget(
            name: "voyageur-worker",
            dependencies: ["VoyageurPipeline", "VoyageurDeployment", "VoyageurRuntime", "VoyageurLLM"],
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
        .testTarget(name: "VoyageurLLMTests", dependencies: ["VoyageurLLM", "VoyageurCore", "VoyageurGeneration"]),
        // Against real servers that `make test` starts on loopback.
        .testTarget(
            name: "PostgresIntegrationTests",
            dependencies: ["VoyageurPostgres", "VoyageurCore", "VoyageurControl"]
        ),
        .testTarget(name: "AMQPIntegrationTests", dependencies: ["VoyageurAMQP", "VoyageurCore"]),
        .testTarget(
            name: "LLMIntegrationTests",
            dependencies: ["VoyageurLLM", "VoyageurCore", "VoyageurGeneration"]
        ),
        // Runs the built executables as an operator would.
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["VoyageurCore", "VoyageurControl", "VoyageurSQLite", "VoyageurAMQP"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

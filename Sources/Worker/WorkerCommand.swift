import Foundation
import VoyageurCore
import VoyageurDeployment
import VoyageurGeneration
import VoyageurLLM
import VoyageurPipeline
import VoyageurRuntime

/// `voyageur-worker`: consumes explanation requests until stopped.
@main
struct WorkerCommand {
    static let usage = """
        Usage: voyageur-worker [--languages en,fr,es] [--id NAME] [--drain]

        Consumes explanation requests from the queues of its languages, writes
        each explanation and stores the result before acknowledging the job.

        Options:
          --languages LIST  queues to consume, comma-separated (default en,fr,es)
          --id NAME         names the worker in logs and results (default host:pid)
          --drain           exit 0 once the queues are empty
          -h, --help        show this help

        Environment: VOYAGEUR_DATABASE_URL, VOYAGEUR_BROKER_URL (default
        sqlite:voyageur.db), VOYAGEUR_CONCURRENCY_EN|FR|ES, VOYAGEUR_SHUTDOWN_GRACE,
        VOYAGEUR_LEASE_TIMEOUT, VOYAGEUR_LOG_LEVEL, VOYAGEUR_LOG_FORMAT; see
        docs/operations.md.
        """

    static func main() async {
        let arguments: ParsedArguments
        do {
            arguments = try ParsedArguments(
                CommandLine.arguments.dropFirst(),
                options: [.value("languages"), .value("id"), .flag("drain")]
            )
            guard arguments.positionals.isEmpty else {
                throw UsageError("unexpected argument \(arguments.positionals[0])")
            }
        } catch {
            printError("voyageur-worker: \(error)\nTry 'voyageur-worker --help'.")
            ExitCode.usage.exit()
        }
        if arguments.wantsHelp {
            print(usage)
            return
        }

        let shutdown = ShutdownSignal()
        let environment = EnvironmentReader()
        let logger: Logger
        let configuration: WorkerConfiguration
        let deployment: Deployment
        let backend: any ExplanationBackend
        do {
            logger = try LogConfiguration(environment: environment).makeLogger()
            let languages = try arguments.value("languages").map {
                try Language.parseList($0, field: "--languages")
            }
            var workerConfiguration = try WorkerConfiguration(
                environment: environment,
                workerID: arguments.value("id"),
                languages: languages ?? Language.allCases,
                drain: arguments.has("drain")
            )
            let queueSettings = try Deployment.QueueSettings(
                owner: workerConfiguration.workerID,
                prefetch: workerConfiguration.concurrency,
                environment: environment
            )
            workerConfiguration.processing.deliveryLimit = queueSettings.deliveryLimit
            configuration = workerConfiguration
            deployment = try Deployment.open(environment: environment, queueSettings: queueSettings)
            // With no LLM configured, the template writer is the generator.
            backend = try LLMBackend.fromEnvironment() ?? TemplateBackend()
        } catch let error as ValidationError {
            printError("voyageur-worker: \(error)\nTry 'voyageur-worker --help'.")
            ExitCode.usage.exit()
        } catch {
            printError("voyageur-worker: \(error)")
            ExitCode.configuration.exit()
        }

        let workerLogger = logger.with(["worker.id": configuration.workerID])
        do {
            try await deployment.prepareSchema()
        } catch let error as StorageFailure where error.isOutage {
            // Unreachable storage is an outage, not a misconfiguration: the
            // worker starts, takes no job it cannot store, and recovers when
            // the storage returns.
            workerLogger.warning("Database unreachable at start; waiting for it", ["error": String(describing: error)])
        } catch {
            workerLogger.critical("Database not ready", ["error": String(describing: error)])
            ExitCode.failure.exit()
        }

        let flags = FlagSource(
            store: deployment.control,
            snapshotFile: deployment.flagSnapshotFile,
            logger: workerLogger
        )
        let breakers = BreakerBoard(settings: configuration.breakers, logger: workerLogger)
        let processor = JobProcessor(
            settings: configuration.processing,
            store: deployment.store,
            backend: backend,
            flags: flags,
            breakers: breakers,
            logger: workerLogger
        )
        let worker = Worker(
            configuration: configuration,
            queue: deployment.queue,
            recorder: deployment.recorder,
            processor: processor,
            control: FleetControl(
                store: deployment.control,
                flags: flags,
                breakers: breakers,
                timing: configuration.fleetTiming,
                logger: workerLogger
            ),
            logger: workerLogger
        )
        await worker.run(until: shutdown)
    }
}

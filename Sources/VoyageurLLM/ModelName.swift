/// How results name the model that wrote them.
enum ModelName {
    /// The model a server reported, or the requested name when it reported
    /// none; a file path (llama.cpp reports the GGUF path) keeps only its
    /// file name, so no directory layout ends up in results.
    static func shortened(_ reported: String?, requested: String) -> String {
        guard let reported, !reported.isEmpty else { return requested }
        guard let name = reported.split(separator: "/").last else { return reported }
        return String(name)
    }
}

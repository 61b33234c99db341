import Foundation

/// Base directories of the XDG spec: the variable when it holds an absolute path, else the
/// default under the home directory.
public enum XDG {
    /// `$VARIABLE/dossier`, or `~/FALLBACK/dossier`.
    public static func dossierDirectory(_ variable: String, fallback: String, environment: [String: String]) -> String {
        if let x = environment[variable], x.hasPrefix("/") { return x + "/dossier" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/" + fallback + "/dossier"
    }
}

/// The input of one fuzz run as the CLI would hand it to a reader: `InputFile` stops at the first NUL byte
/// (every format EcoGraph reads is text) and the YAML/JSON readers get text only once it is valid UTF-8, so
/// inputs those checks refuse are not findings of the reader.
public enum FuzzInput {
    /// The bytes, or `nil` when they hold a NUL (`InputFile.bytes` refuses them before any reader runs).
    public static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8]? {
        let bytes = Array(UnsafeBufferPointer(start: data, count: size))
        return bytes.contains(0) ? nil : bytes
    }

    /// The bytes as text, or `nil` when they hold a NUL or are not UTF-8 (`InputFile.text` refuses them).
    public static func text(_ data: UnsafePointer<UInt8>, _ size: Int) -> String? {
        guard let bytes = bytes(data, size) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }
}

/// libFuzzer's entry for a program that has its own `main` (SwiftPM gives every executable target one, named
/// after the module, so libFuzzer's own `main` cannot be used): runs the fuzzing loop with the command line.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ testOneInput: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// Runs libFuzzer on a harness's `LLVMFuzzerTestOneInput` with the process's arguments (`-max_total_time=`,
/// `-timeout=`, corpus folders, or files to replay) and returns its exit status.
public enum FuzzDriver {
    public static func run(_ testOneInput: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        return LLVMFuzzerRunDriver(&argc, &argv, testOneInput)
    }
}

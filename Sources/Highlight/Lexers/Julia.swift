extension Lexer {
    public static let julia = Lexer("julia", title: "Julia", aliases: ["jl"]) { JuliaTokenizer() }
}

/// Julia: keywords, types, builtins, operators (Unicode ones included), strings with `$`
/// interpolation, characters and nested `#= =#` comments.
final class JuliaTokenizer: StackTokenizer {
    enum State: RootState {
        case root, functionName, typeName, blockComment, string
    }

    let stack = StateStack<State>(.root)
    static let bangs = CharSet(bits: (0x0000000200000000, 0, 0, 0))   // "!"
    static let binaryDigits = CharSet(bits: (0x0003000000000000, 0, 0, 0))   // "01"
    static let decoratorChars = CharSet(bits: (0x03FF400000000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z0-9_."
    static let escapeLetters = CharSet(bits: (0x0000008400000400, 0x0054404610000000, 0, 0))   // "\\abfnrtv\"'\n"
    static let formatFlags = CharSet(bits: (0x0001280900000000, 0, 0, 0))   // "-#0 +"
    static let nameChars = CharSet(bits: (0x03FF000000000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z0-9_"
    static let nameStart = CharSet(bits: (0, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z_"
    static let octalDigits = CharSet(bits: (0x00FF000000000000, 0, 0, 0))   // "0-7"
    static let punctuationChars = CharSet(bits: (0x0800130000000000, 0x2800000028000000, 0, 0))   // "[]{}(),;"
    static let stringStops = CharSet(bits: (0x0000001400000000, 0x0000000010000000, 0, 0))   // "\\\"$"

    static let types = WordSet("""
        ARPACKException AbstractArray AbstractChannel AbstractChar AbstractDict AbstractDisplay
        AbstractFloat AbstractIrrational AbstractLogger AbstractMatrix AbstractREPL AbstractRNG
        AbstractRange AbstractSerializer AbstractSet AbstractSparseArray AbstractSparseMatrix
        AbstractSparseVector AbstractString AbstractUnitRange AbstractVecOrMat AbstractVector
        AbstractWorkerPool Adjoint Any ArgumentError Array AssertionError Base64DecodePipe
        Base64EncodePipe BasicREPL Bidiagonal BigFloat BigInt BitArray BitMatrix BitSet BitVector Bool
        BoundsError BunchKaufman CachingPool CapturedException CartesianIndex CartesianIndices Cchar
        Cdouble Cfloat Channel Char Cholesky CholeskyPivoted Cint Cintmax_t Clong Clonglong
        ClusterManager Cmd Colon Complex ComplexF16 ComplexF32 ComplexF64 CompositeException Condition
        ConsoleLogger Cptrdiff_t Cshort Csize_t Cssize_t Cstring Cuchar Cuint Cuintmax_t Culong
        Culonglong Cushort Cvoid Cwchar_t Cwstring DataType Date DateFormat DatePeriod DateTime Day
        DenseArray DenseMatrix DenseVecOrMat DenseVector Diagonal Dict DimensionMismatch Dims
        DivideError DomainError EOFError Eigen Enum ErrorException Exception ExponentialBackOff Expr
        FDWatcher Factorization FileMonitor Float16 Float32 Float64 FolderMonitor Function
        GeneralizedEigen GeneralizedSVD GeneralizedSchur GenericArray GenericDict GenericSet
        GenericString GitConfig GitRepo GlobalRef HMAC_CTX HTML Hermitian Hessenberg Hour IO IOBuffer
        IOContext IOStream IPAddr IPv4 IPv6 IdDict IndexCartesian IndexLinear IndexStyle InexactError
        InitError Int Int128 Int16 Int32 Int64 Int8 Integer InterruptException InvalidStateException
        Irrational KeyError LAPACKException LDLt LQ LU LinRange LineEditREPL LineNumberNode
        LinearIndices LoadError LogLevel LowerTriangular MIME Matrix MersenneTwister Method MethodError
        Microsecond Millisecond Minute Missing MissingException Module Month NTuple NamedTuple
        Nanosecond Nothing NullLogger Number OrdinalRange OutOfMemoryError OverflowError PackageMode
        PackageSpec Pair PartialQuickSort Period PermutedDimsArray Pipe PollingFileWatcher
        PosDefException ProcessExitedException Ptr QR QRPivoted QuoteNode RandomDevice
        RankDeficientException Rational RawFD ReadOnlyMemoryError Real ReentrantLock Ref Regex
        RegexMatch RemoteChannel RemoteException RoundingMode SHA1_CTX SHA224_CTX SHA256_CTX
        SHA2_224_CTX SHA2_256_CTX SHA2_384_CTX SHA2_512_CTX SHA384_CTX SHA3_224_CTX SHA3_256_CTX
        SHA3_384_CTX SHA3_512_CTX SHA512_CTX SVD Schur Second SegmentationFault Serializer Set
        SharedArray SharedMatrix SharedVector Signed SimpleLogger SingularException Some
        SparseMatrixCSC SparseVector StackOverflowError StepRange StepRangeLen StreamREPL StridedArray
        StridedMatrix StridedVecOrMat StridedVector String StringIndexError SubArray SubString
        SubstitutionString SymTridiagonal Symbol Symmetric SystemError TCPSocket Task TestSetException
        Text TextDisplay Time TimePeriod TimeType TimeZone Timer Transpose Tridiagonal Tuple Type
        TypeError TypeVar UDPSocket UInt UInt128 UInt16 UInt32 UInt64 UInt8 UTC UUID UndefInitializer
        UndefKeywordError UndefRefError UndefVarError UniformScaling Union UnionAll UnitLowerTriangular
        UnitRange UnitUpperTriangular Unsigned UpgradeLevel UpperTriangular Val Vararg VecElement
        VecOrMat Vector VersionNumber WeakKeyDict WeakRef Week WorkerConfig WorkerPool Year
        """)
    static let keywords = WordSet("""
        function return module import export if else elseif end for in isa while try catch const local
        global using struct finally begin do quote macro where
        """)
    static let builtins = WordSet("""
        true false missing nothing Inf Inf16 Inf32 Inf64 NaN NaN16 NaN32 NaN64 stdout stderr stdin
        devnull pi π ℯ im ARGS C_NULL ENV ENDIAN_BOM VERSION undef LOAD_PATH DEPOT_PATH
        """)
    static let operatorChars = CharSet(bits: (0xF400EC7200000000, 0x5000000050000000, 0, 0))   // "+=*/\\&|$~^%!.?<>:-"

    func step(_ state: State, _ s: inout Scan) -> Bool {
        let c = s.peek()
        switch state {
        case .root: return root(&s)
        case .functionName, .typeName:
            if let e = name(s) { s.emit(state == .functionName ? .nameFunction : .nameClass, to: e); pop(); return true }
            guard state == .functionName else { return false }
            // \([^\s\w{]{1,2}\) or [^\s\w{]{1,2}
            func isSymbol(_ i: Int) -> Bool {
                i < s.end && !CharSet.space.contains(s.base[i]) && !s.isWord(s.base[i]) && s.base[i] != 123
            }
            if c == 40 && isSymbol(s.pos + 1) {
                let a = s.charEnd(s.pos + 1)
                if isSymbol(a), s.at(s.charEnd(a)) == 41 && s.charEnd(a) < s.end { s.emit(.operator, to: s.charEnd(a) + 1); pop(); return true }
                if s.at(a) == 41 && a < s.end { s.emit(.operator, to: a + 1); pop(); return true }
            }
            guard isSymbol(s.pos) else { return false }
            let first = s.charEnd(s.pos)
            s.emit(.operator, to: isSymbol(first) ? s.charEnd(first) : first)
            pop()
            return true
        case .blockComment:
            if s.has("#=") { s.emit(.commentMultiline, count: 2); push(.blockComment); return true }
            if s.has("=#") { s.emit(.commentMultiline, count: 2); pop(); return true }
            s.emitChar(.commentMultiline)
            return true
        case .string: return string(&s)
        }
    }

    /// `[\p{L}\p{Nl}\p{S}_][\p{Word}\p{S}\p{Po}!]*`
    private func name(_ s: Scan) -> Int? {
        func category(_ u: Unicode.Scalar) -> Unicode.GeneralCategory { u.properties.generalCategory }
        func isSymbol(_ u: Unicode.Scalar) -> Bool {
            switch category(u) {
            case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: return true
            default: return false
            }
        }
        guard let (u, next) = s.scalar(at: s.pos),
              u == "_" || UnicodeClass.isLetter(u) || category(u) == .letterNumber || isSymbol(u) else { return nil }
        return s.skipScalars(from: next) { v in
            v == "!" || UnicodeClass.isWord(v) || isSymbol(v) || category(v) == .otherPunctuation
        }
    }
}

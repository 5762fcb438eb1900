/// C and C++ word classes as Rouge sorts them.
struct CWords: Sendable {
    let keywords, types, reserved: WordSet

    static let cKeywords = """
        auto break case const continue default do else enum extern for goto if register restricted
        return sizeof static struct switch typedef union volatile virtual while _Alignas _Alignof
        _Atomic _Generic _Imaginary _Noreturn _Static_assert _Thread_local
        """
    static let cTypes = """
        int long float short double char unsigned signed void jmp_buf FILE DIR div_t ldiv_t mbstate_t
        sig_atomic_t fpos_t clock_t time_t va_list size_t ssize_t off_t wchar_t ptrdiff_t wctrans_t
        wint_t wctype_t _Bool _Complex int8_t int16_t int32_t int64_t uint8_t uint16_t uint32_t
        uint64_t int_least8_t int_least16_t int_least32_t int_least64_t uint_least8_t uint_least16_t
        uint_least32_t uint_least64_t int_fast8_t int_fast16_t int_fast32_t int_fast64_t uint_fast8_t
        uint_fast16_t uint_fast32_t uint_fast64_t intptr_t uintptr_t intmax_t uintmax_t char16_t
        char32_t
        """
    static let cReserved = """
        __asm __int8 __based __except __int16 __stdcall __cdecl __fastcall __int32 __declspec
        __finally __int61 __try __leave inline _inline __inline naked _naked __naked restrict _restrict
        __restrict thread _thread __thread typename _typename __typename
        """

    static let c = CWords(keywords: WordSet(cKeywords), types: WordSet(cTypes), reserved: WordSet(cReserved))
    static let cpp = CWords(
        keywords: WordSet(cKeywords + """

            asm auto catch char8_t concept consteval constexpr constinit const_cast co_await co_return
            co_yield delete dynamic_cast explicit export friend mutable namespace new operator private
            protected public reinterpret_cast requires restrict size_of static_cast this throw throws
            typeid typename using virtual final override alignas alignof decltype noexcept
            static_assert thread_local try
            """),
        types: WordSet(cTypes + " bool"),
        reserved: WordSet(cReserved + """

            __virtual_inheritance __uuidof __super __single_inheritance __multiple_inheritance
            __interface __event
            """))
}

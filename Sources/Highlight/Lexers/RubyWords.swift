/// Ruby's word lists as Rouge classifies them.
enum RubyWords {
    /// Which of the lists below hold a word, in one lookup: the identifier rule asks of most
    /// words about several of them.
    static let lists = WordSet(memberOf: keywords, pseudoKeywords, builtins, questionBuiltins, bangBuiltins)
    static let keyword = 1, pseudoKeyword = 2, builtin = 4, questionBuiltin = 8, bangBuiltin = 16

    /// Keywords (Rouge also lists `defined?`, which the lexer checks itself).
    static let keywords = """
        BEGIN END alias begin break case do else elsif end ensure for if in next redo rescue raise
        retry return super then undef unless until when while yield
        """
    static let pseudoKeywords = """
        loop include extend raise alias_method attr catch throw private module_function public
        protected true false nil __FILE__ __LINE__
        """
    static let builtins = """
        attr_reader attr_writer attr_accessor __id__ __send__ abort ancestors at_exit autoload binding
        callcc caller catch chomp chop class_eval class_variables clone const_get const_missing
        const_set constants display dup eval exec exit extend fail fork format freeze getc gets
        global_variables gsub hash id included_modules inspect instance_eval instance_method
        instance_methods instance_variable_get instance_variable_set instance_variables lambda load
        local_variables loop method method_missing methods module_eval name object_id open p print
        printf private_class_method private_instance_methods private_methods proc
        protected_instance_methods protected_methods public_class_method public_instance_methods
        public_methods putc puts raise rand readline readlines require require_relative scan select
        self send set_trace_func singleton_methods sleep split sprintf srand sub syscall system taint
        test throw to_a to_s trace_var trap untaint untrace_var warn
        """
    /// Builtins written with a trailing `?`.
    static let questionBuiltins = """
        autoload block_given const_defined eql equal frozen include instance_of is_a iterator kind_of
        method_defined nil private_method_defined protected_method_defined public_method_defined
        respond_to tainted
        """
    /// Builtins written with a trailing `!`.
    static let bangBuiltins = "chomp chop exit gsub sub"
}

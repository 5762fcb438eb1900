switch lower(mode)
    case {'fast', 'quick'}
        n = 10;
    otherwise
        n = 100;
en
switch lower(mode)
    case {'fast', 'quick'}
        n = 10;
    otherwise
        n = 100;
end
try
    data = load('data.mat');
catch err
    warning('load failed: %s', err.message);
end
w
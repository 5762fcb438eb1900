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
while n > 0, n = n - 1; end
parfor i = 1:4
    results(i) = i^2;
end
x = A \ b; B = A.'; C = A';

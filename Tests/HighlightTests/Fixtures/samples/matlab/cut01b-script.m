% Compute something
function [out, n] = process(data, varargin)
%PROCESS Process the data.
%   More help here.
    if nargin < 2
        threshold = 0.5;
    else
        threshold = varargin{1};
    end
    out = zeros(size(data));
    for k = 1:numel(data)
        out(k) = data(k) .^ 2 + 3.5e-2 * sin(pi / 4);
    end
    n = length(out(out > threshold));
    s = 'It''s a char array';
    d = "a ""string"" object";
    A = [1 2; 3 4]';
% Compute something
function [out, n] = process(data, varargin)
%PROCESS Process the data.
%   More help here.
    if nargin < 2
        threshold = 0.5;
    else
        threshold = varargin{1};
    end
    out = zeros(
{-# OPTIONS_GHC -Wall #-}
module Main where

import System.Environment (getArgs)
import qualified Data.Text as T
import qualified Data.Text.IO as TIO

main :: IO ()
main = do
  args <- getArgs
  case args of
    [path] -> do
      contents <- TIO.readFile path
      let ws = T.words contents
      putStrLn $ "words: " <> show (length ws)
    _ -> putStrLn "usage: wc FILE"
  mapM_ (\(i, w) -> print (i :: Int, w)) (zip [1 ..] ["a", "b"])
